using GraphQL;
using GraphQL.Types;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Search;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

public sealed class SearchFacetsType : ObjectGraphType<SearchFacets>
{
    public SearchFacetsType()
    {
        Name = "SearchFacets";
        Description = "Counts of the whole result, most first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityCountType<Region, RegionType>>>>>("regions").Description("The regions of the matching figures (each counted on its own, not with the regions below it).")
            .Resolve(c => Entities<Region>(c, c.Source.Regions));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityCountType<Metric, MetricType>>>>>("metrics").Description("The metrics of the matching figures.")
            .Resolve(c => Entities<Metric>(c, c.Source.Metrics));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityCountType<Source, SourceType>>>>>("sources").Resolve(c => Entities<Source>(c, c.Source.Sources));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ValueCountType>>>>("years").Description("Newest first.").Resolve(c => c.Source.Years);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ValueCountType>>>>("kinds").Resolve(c => c.Source.Kinds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ValueCountType>>>>("categories").Resolve(c => c.Source.Categories);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ValueCountType>>>>("qualifiers").Description("How the values are meant: EXACT, APPROXIMATE, AT_LEAST, AT_MOST, RANGE, RANK.").Resolve(c => c.Source.Qualifiers);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ValueCountType>>>>("headline").Description("Headline figures (value \"true\") and the others (\"false\").").Resolve(c => c.Source.Headline);
    }

    private static List<(T Entity, int Count)> Entities<T>(IResolveFieldContext c, IReadOnlyList<FacetCount> counts) where T : class
    {
        var table = c.RequestServices!.GetRequiredService<ReferenceCache>().Table<T>()!;
        return [.. counts.Where(f => table.ContainsKey(f.Value)).Select(f => (table[f.Value], f.Count))];
    }
}
