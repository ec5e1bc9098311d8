using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        this.Connection<object?, Region, RegionType>("regions", "Administrative regions.");
        this.Connection<object?, Source, SourceType>("sources", "The published reports.");
        this.Connection<object?, Institution, InstitutionType>("institutions", "Named institutions.");
        this.Connection<object?, Programme, ProgrammeType>("programmes", "Named programmes.");
        this.Connection<object?, Metric, MetricType>("metrics", "Metric definitions.");
        this.Connection<object?, Observation, ObservationType>("observations", "Figures, each with its source and verbatim quote.");

        Lookup<Region, RegionType>("region", "code", "A region by code, e.g. \"330382\"; null when there is none.");
        Lookup<Source, SourceType>("source", "id", "A report by id; null when there is none.");
        Lookup<Institution, InstitutionType>("institution", "id", "An institution by id; null when there is none.");
        Lookup<Programme, ProgrammeType>("programme", "id", "A programme by id; null when there is none.");
        Lookup<Metric, MetricType>("metric", "code", "A metric by code; null when there is none.");
        Lookup<Observation, ObservationType>("observation", "id", "A figure by id; null when there is none.");

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SeriesPointType>>>>("series")
            .Description("A metric's values in one region by year, ready to chart. Where two reports give the same year, both points are returned, in source order.")
            .Argument<NonNullGraphType<StringGraphType>>("metric", "Metric code.")
            .Argument<NonNullGraphType<StringGraphType>>("region", "Region code.")
            .Argument<StringGraphType>("kind", "actual (default), target or change.")
            .ResolveAsync(async ctx =>
            {
                var db = ctx.RequestServices!.GetRequiredService<HealthDbContext>();
                var metric = ctx.GetArgument<string>("metric");
                var region = ctx.GetArgument<string>("region");
                var kind = ctx.GetArgument<string?>("kind") ?? "actual";
                var rows = await db.Observations
                    .Where(o => o.MetricCode == metric && o.RegionCode == region && o.Kind == kind)
                    .OrderBy(o => o.Year).ThenBy(o => o.SourceId).ThenBy(o => o.Id)
                    .ToListAsync(ctx.CancellationToken);
                return rows.Select(o => new SeriesPoint(o.Year, o.Value, o.Unit, o.Kind, o)).ToList();
            });
    }

    private void Lookup<T, TGraph>(string name, string keyName, string description) where T : class where TGraph : IGraphType =>
        Field(name, typeof(TGraph)).Description(description)
            .Argument<NonNullGraphType<StringGraphType>>(keyName)
            .Resolve(ctx => GraphFields.ByKey<T>(ctx, ctx.GetArgument<string>(keyName)));
}
