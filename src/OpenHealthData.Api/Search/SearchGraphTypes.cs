using GraphQL;
using GraphQL.Types;
using OpenHealthData.Api.GraphQL.Types;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Search;

/// <summary>The root field <c>search(text:, first:, after:, where:, withinRegion:)</c>, added to the query type by one call.</summary>
public static class SearchField
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<SearchConnectionType>>("search")
            .Description("Figures whose metric (names, keywords), quote, English rendering, sentence, note, region, institution, programme or source contain every word of text — Chinese or English, any case — most relevant first, with the matched spans and facets. Combine with where and withinRegion as on observations.")
            .Argument<NonNullGraphType<StringGraphType>>("text", $"Words to find (at most {SearchTerms.MaxLength} characters); \"quoted words\" are found together.")
            .Argument<IntGraphType>("first", "Results from the start (after 'after'); default and maximum page size as for connections.")
            .Argument<StringGraphType>("after", "Cursor: results after this one.")
            .Argument(typeof(FilterInputType<Observation>), "where", a => a.Description = "Filter on the figures, as on observations.")
            .Argument<StringGraphType>("withinRegion", "Region code: only figures of this region and every region below it.")
            .ResolveAsync(async ctx =>
            {
                var services = ctx.RequestServices!;
                var text = ctx.GetArgument<string>("text");
                if (string.IsNullOrWhiteSpace(text)) throw new QueryArgumentException("'text' must contain a word to search for.");
                var query = services.GetRequiredService<HealthDbContext>().Observations.Where(Shapes.Observation, ctx.GetArgument<IDictionary<string, object?>?>("where"));
                if (ctx.GetArgument<string?>("withinRegion") is { } region)
                    query = query.WhereIn(o => o.RegionCode, services.GetRequiredService<RegionTree>().SelfAndDescendants(region));
                return await services.GetRequiredService<SearchService>().SearchAsync(text, query,
                    new PageRequest(ctx.GetArgument<int?>("first"), ctx.GetArgument<string?>("after")), ctx.CancellationToken);
            });
}

public sealed class SearchConnectionType : ObjectGraphType<SearchPage>
{
    public SearchConnectionType()
    {
        Name = "SearchConnection";
        Description = "A page of search results, most relevant first, with the facets of the whole result.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchEdgeType>>>>("edges").Description("The results with their cursors, scores and matched spans.").Resolve(c => c.Source.Hits);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ObservationType>>>>("nodes").Description("The figures of this page.").Resolve(c => c.Source.Hits.Select(h => h.Observation));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Results over all pages.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("terms").Description("The words searched for, as the text was split.").Resolve(c => c.Source.Terms);
        Field<NonNullGraphType<SearchFacetsType>>("facets").Description("How the whole result spreads over regions, years, kinds, categories, metrics and sources: the matching metrics and regions.").Resolve(c => c.Source.Facets);
    }
}

public sealed class SearchEdgeType : ObjectGraphType<SearchHit>
{
    public SearchEdgeType()
    {
        Name = "SearchEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<ObservationType>>("node").Resolve(c => c.Source.Observation);
        Field<NonNullGraphType<FloatGraphType>>("score").Description("Relevance: higher is better; comparable within one search only.").Resolve(c => c.Source.Score);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchMatchType>>>>("matches")
            .Description("The fields of the figure where the words occur (quote, quoteEn, sentence, metric.nameZh, metric.nameEn, note), with the spans to highlight. Empty when the figure matched through other fields, such as a metric keyword or the source.")
            .Resolve(c => c.Source.Matches);
    }
}

public sealed class SearchMatchType : ObjectGraphType<FieldMatch>
{
    public SearchMatchType()
    {
        Name = "SearchMatch";
        Field<NonNullGraphType<StringGraphType>>("field").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The field's whole text.").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TextSpanType>>>>("spans").Description("Where the words are in text.").Resolve(c => c.Source.Spans);
    }
}

public sealed class TextSpanType : ObjectGraphType<TextSpan>
{
    public TextSpanType()
    {
        Name = "TextSpan";
        Description = "A span of a text, in UTF-16 code units as JavaScript counts them.";
        Field<NonNullGraphType<IntGraphType>>("start").Resolve(c => c.Source.Start);
        Field<NonNullGraphType<IntGraphType>>("length").Resolve(c => c.Source.Length);
    }
}

public sealed class SearchFacetsType : ObjectGraphType<SearchFacets>
{
    public SearchFacetsType()
    {
        Name = "SearchFacets";
        Description = "Counts of the whole result, most first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionCountType>>>>("regions").Description("The regions of the matching figures (each counted on its own, not with the regions below it).")
            .Resolve(c => Entities<Region>(c, c.Source.Regions));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MetricCountType>>>>("metrics").Description("The metrics of the matching figures.")
            .Resolve(c => Entities<Metric>(c, c.Source.Metrics));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceCountType>>>>("sources").Resolve(c => Entities<Source>(c, c.Source.Sources));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ValueCountType>>>>("years").Description("Newest first.").Resolve(c => c.Source.Years);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ValueCountType>>>>("kinds").Resolve(c => c.Source.Kinds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ValueCountType>>>>("categories").Resolve(c => c.Source.Categories);
    }

    private static List<(T Entity, int Count)> Entities<T>(IResolveFieldContext c, IReadOnlyList<FacetCount> counts) where T : class
    {
        var table = c.RequestServices!.GetRequiredService<ReferenceCache>().Table<T>()!;
        return [.. counts.Where(f => table.ContainsKey(f.Value)).Select(f => (table[f.Value], f.Count))];
    }
}

public sealed class ValueCountType : ObjectGraphType<FacetCount>
{
    public ValueCountType()
    {
        Name = "ValueCount";
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}

public sealed class RegionCountType : ObjectGraphType<(Region Entity, int Count)>
{
    public RegionCountType()
    {
        Name = "RegionCount";
        Field<NonNullGraphType<RegionType>>("region").Resolve(c => c.Source.Entity);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}

public sealed class MetricCountType : ObjectGraphType<(Metric Entity, int Count)>
{
    public MetricCountType()
    {
        Name = "MetricCount";
        Field<NonNullGraphType<MetricType>>("metric").Resolve(c => c.Source.Entity);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}

public sealed class SourceCountType : ObjectGraphType<(Source Entity, int Count)>
{
    public SourceCountType()
    {
        Name = "SourceCount";
        Field<NonNullGraphType<SourceType>>("source").Resolve(c => c.Source.Entity);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}
