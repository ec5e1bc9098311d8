using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
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
        Field<MetricType>("metric").Description("A metric by code, or by an old code merged into it (see aliases); null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .Resolve().WithService<MetricCodes>().Resolve((ctx, codes) => codes.Resolve(ctx.GetArgument<string>("code"))?.Metric);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MetricAliasType>>>>("metricAliases")
            .Description("Old metric codes and the metric (and dimensions) each now means.")
            .Resolve().WithService<MetricCodes>().Resolve((_, codes) => codes.Aliases.OrderBy(a => a.Alias, StringComparer.Ordinal).ToList());
        Lookup<Observation, ObservationType>("observation", "id", "A figure by id; null when there is none.");

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SeriesPointType>>>>("series")
            .Description("A metric's values in one region by year, ready to chart. Where two reports give the same year, both points are returned, in source order.")
            .Argument<NonNullGraphType<StringGraphType>>("metric", "Metric code (an old code selects the metric and the dimensions it stood for).")
            .Argument<NonNullGraphType<StringGraphType>>("region", "Region code.")
            .Argument<StringGraphType>("kind", "actual (default), target or change.")
            .Resolve().WithServices<ListQueries, MetricCodes>()
            .Resolve((ctx, lists, codes) =>
            {
                var resolved = codes.Resolve(ctx.GetArgument<string>("metric"));
                if (resolved is null) return new List<SeriesPoint>();
                var shape = Shapes.Observation;
                var filter = FilterNode.And(FilterParser.Parse(shape, MetricCodes.Filter(resolved)), new FilterNode.AllOf([
                    FilterNode.Where(shape.FindScalar("regionCode")!, FilterOperators.Eq, ctx.GetArgument<string>("region")),
                    FilterNode.Where(shape.FindScalar("kind")!, FilterOperators.Eq, ctx.GetArgument<string?>("kind") ?? "actual")]));
                var rows = lists.List(shape, filter, SeriesOrder);
                return rows.Select(o => new SeriesPoint(o.Year, o.Value, o.Unit, o.Kind, o)).ToList();
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComparableGroupType>>>>("compare")
            .Description("Like-for-like figures of a metric across regions: groups of the same metric, dimensions, unit and kind with figures from two or more regions " +
                         "(figures about single institutions are left out). Narrow with year, kind and dimensions; an unknown metric, kind or dimension is BAD_USER_INPUT.")
            .Argument<NonNullGraphType<StringGraphType>>("metric", "Metric code (an old code adds the dimensions it stood for).")
            .Argument<IntGraphType>("year", "Only figures for this year.")
            .Argument<StringGraphType>("kind", "actual, target or change; all kinds (each in its own groups) when omitted.")
            .Argument<ListGraphType<NonNullGraphType<DimensionInputType>>>("dimensions", "Only figures with these dimension values, e.g. [{ name: \"population\", value: \"key_groups\" }].")
            .Resolve().WithServices<ListQueries, MetricCodes, ReferenceCache>()
            .Resolve((ctx, lists, codes, references) => ComparisonQuery.Run(
                lists, codes, references, ctx.GetArgument<string>("metric"), ctx.GetArgument<int?>("year"),
                ctx.GetArgument<string?>("kind"), ctx.GetArgument<List<KeyValuePair<string, string>>?>("dimensions") ?? []));

        SearchField.AddTo(this);
    }

    /// <summary>A series by year, then report, then figure.</summary>
    private static readonly IReadOnlyList<SortKey> SeriesOrder =
        [new([], Shapes.Observation.FindScalar("year")!, false), new([], Shapes.Observation.FindScalar("sourceId")!, false)];

    private void Lookup<T, TGraph>(string name, string keyName, string description) where T : class where TGraph : IGraphType =>
        Field(name, typeof(TGraph)).Description(description)
            .Argument<NonNullGraphType<StringGraphType>>(keyName)
            .Resolve().WithService<ResolverServices>()
            .Resolve((ctx, services) => GraphFields.ByKey<T>(services, ctx.GetArgument<string>(keyName)));
}
