using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.GraphQL.Types;

/// <summary>An entity's scalar fields, generated from its <see cref="EntityShape"/>; subclasses add navigations.</summary>
public abstract class EntityType<T> : ObjectGraphType<T>
{
    protected EntityType(string description)
    {
        var shape = Shapes.For(typeof(T));
        Name = shape.Name;
        Description = description;
        foreach (var scalar in shape.Scalars)
        {
            var read = Expression.Lambda<Func<T, object?>>(Expression.Convert(scalar.Selector.Body, typeof(object)), scalar.Selector.Parameters).Compile();
            var present = ScalarGraphTypes.Presenter(scalar.Kind);
            Field(scalar.Name, ScalarGraphTypes.Output(scalar)).Description(scalar.Description).Resolve(ctx => present(read(ctx.Source)));
        }
    }
}

public sealed class RegionType : EntityType<Region>
{
    public RegionType() : base("An administrative region: country, province, prefecture or county.")
    {
        this.Reference<Region, Region, RegionType>("parent", "The region above; null for the country.", r => r.ParentCode, nullable: true);
        this.Children<Region, Region, RegionType>("children", "Regions directly below.", r => r.Code, c => c.ParentCode);
        this.Children<Region, Observation, ObservationType>("observations", "Figures about this region itself (use withinRegion on the root field for everything below it).", r => r.Code, o => o.RegionCode);
        this.Children<Region, Institution, InstitutionType>("institutions", "Institutions seated in this region.", r => r.Code, i => i.RegionCode);
        this.Children<Region, Programme, ProgrammeType>("programmes", "Programmes of this region.", r => r.Code, p => p.RegionCode);
    }
}

public sealed class SourceType : EntityType<Source>
{
    public SourceType() : base("A published report: the primary source of its figures.")
    {
        Field<NonNullGraphType<StringGraphType>>("text").Description("The full text of the report, as published.").Resolve(c => c.Source.Text);
        this.Reference<Source, Region, RegionType>("region", "Region the report covers.", s => s.RegionCode);
        this.Children<Source, Observation, ObservationType>("observations", "Figures taken from this report.", s => s.Id, o => o.SourceId);
        this.Children<Source, Institution, InstitutionType>("institutions", "Institutions the report names.", s => s.Id, i => i.SourceId);
        this.Children<Source, Programme, ProgrammeType>("programmes", "Programmes the report names.", s => s.Id, p => p.SourceId);
    }
}

public sealed class InstitutionType : EntityType<Institution>
{
    public InstitutionType() : base("A named hospital, health centre, CDC, medical community or authority.")
    {
        this.Reference<Institution, Region, RegionType>("region", "Region of its seat.", i => i.RegionCode);
        this.Reference<Institution, Source, SourceType>("source", "The report that names it.", i => i.SourceId);
        this.Children<Institution, Observation, ObservationType>("observations", "Figures about this institution.", i => i.Id, o => o.InstitutionId);
    }
}

public sealed class ProgrammeType : EntityType<Programme>
{
    public ProgrammeType() : base("A named policy, campaign or project.")
    {
        this.Reference<Programme, Region, RegionType>("region", "Region it applies to.", p => p.RegionCode);
        this.Reference<Programme, Source, SourceType>("source", "The report that names it.", p => p.SourceId);
        this.Children<Programme, Observation, ObservationType>("observations", "Figures about this programme.", p => p.Id, o => o.ProgrammeId);
    }
}

public sealed class MetricType : EntityType<Metric>
{
    public MetricType() : base("What a figure measures: a definition with one unit.")
    {
        this.Children<Metric, Observation, ObservationType>("observations", "Figures of this metric.", m => m.Code, o => o.MetricCode);
        this.Reference<Metric, Metric, MetricType>("baseMetric", "For a growth or change metric: the metric whose change it is; null otherwise.", m => m.BaseMetricCode, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MetricAliasType>>>>("aliases")
            .Description("Old codes merged into this metric; they still resolve to it.")
            .Resolve(c => c.RequestServices!.GetRequiredService<MetricCodes>().AliasesOf(c.Source.Code).ToList());
        Field<NonNullGraphType<MetricCoverageType>>("coverage")
            .Description("Which regions, years and kinds its figures cover (loaded for all metrics of a page at once).")
            .Resolve(ctx =>
            {
                var db = ctx.RequestServices!.GetRequiredService<HealthDbContext>();
                return ctx.RequestServices!.GetRequiredService<BatchLoaders>().Get<string, MetricCoverage>("Metric.coverage", async (codes, ct) =>
                {
                    var rows = await db.Observations.WhereIn(o => o.MetricCode, codes)
                        .Select(o => new { o.MetricCode, o.RegionCode, o.Year, o.Kind }).ToListAsync(ct);
                    return rows.GroupBy(r => r.MetricCode).ToDictionary(g => g.Key, g => new MetricCoverage(
                        [.. g.Select(r => r.RegionCode).Distinct().Order(StringComparer.Ordinal)], [.. g.Select(r => r.Year).Distinct().Order()],
                        [.. g.Select(r => r.Kind).Distinct().Order(StringComparer.Ordinal)], g.Count()));
                }).Load(ctx.Source.Code, coverage => coverage ?? new MetricCoverage([], [], [], 0));
            });
    }
}

public sealed class ObservationType : EntityType<Observation>
{
    public ObservationType() : base("One figure: metric × region × year → value, with the verbatim quote it comes from.")
    {
        this.Reference<Observation, Metric, MetricType>("metric", "What is measured.", o => o.MetricCode);
        this.Reference<Observation, Region, RegionType>("region", "Where.", o => o.RegionCode);
        this.Reference<Observation, Source, SourceType>("source", "The report the figure comes from.", o => o.SourceId);
        this.Reference<Observation, Institution, InstitutionType>("institution", "The institution the figure is about, if any.", o => o.InstitutionId, nullable: true);
        this.Reference<Observation, Programme, ProgrammeType>("programme", "The programme the figure is about, if any.", o => o.ProgrammeId, nullable: true);
        Field<NonNullGraphType<StringGraphType>>("citation")
            .Description("A ready-to-print citation: publisher, title, date, the quote and the link where there is one.")
            .Resolve(ctx => GraphFields.ByKey<Source, string>(ctx, ctx.Source.SourceId, source => Citation.Format(ctx.Source, source!)));
    }
}

/// <summary>A point of a chartable series: one year's value of a metric in a region.</summary>
public sealed record SeriesPoint(int Year, double Value, string Unit, string Kind, Observation Observation);

public sealed class SeriesPointType : ObjectGraphType<SeriesPoint>
{
    public SeriesPointType()
    {
        Name = "SeriesPoint";
        Description = "One year of a series, with the observation it comes from (for its quote and source).";
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<FloatGraphType>>("value").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<StringGraphType>>("unit").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ObservationType>>("observation").Resolve(c => c.Source.Observation);
    }
}
