using GraphQL.MicrosoftDI;
using GraphQL.Types;
using OpenHealthData.Api.Domain;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

public sealed class ObservationType : EntityType<Observation>
{
    public ObservationType() : base("One figure: metric × region × year → value, with the verbatim quote it comes from.")
    {
        this.Reference<Observation, Metric, MetricType>("metric", "What is measured.", o => o.MetricCode);
        this.Reference<Observation, Region, RegionType>("region", "Where.", o => o.RegionCode);
        this.Reference<Observation, Source, SourceType>("source", "The report the figure comes from.", o => o.SourceId);
        this.Reference<Observation, Institution, InstitutionType>("institution", "The institution the figure is about, if any.", o => o.InstitutionId, nullable: true);
        this.Reference<Observation, Programme, ProgrammeType>("programme", "The programme the figure is about, if any.", o => o.ProgrammeId, nullable: true);
        this.Reference<Observation, Observation, ObservationType>("total", "The figure this one is a part of (its partOf), if any.", o => o.PartOf, nullable: true);
        Field<NonNullGraphType<StringGraphType>>("citation")
            .Description("A ready-to-print citation: publisher, title, date, the quote and the link where there is one.")
            .Resolve().WithService<ResolverServices>()
            .Resolve((ctx, services) => GraphFields.ByKey<Source, string>(services, ctx.Source.SourceId, source => Citation.Format(ctx.Source, source!)));
    }
}
