using Microsoft.AspNetCore.Http.HttpResults;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Rest;
using OpenHealthData.Api.Storage;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Search;

/// <summary>REST search and the two lists a newcomer starts from: every region and every metric with its coverage.</summary>
public static class SearchEndpoints
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/search", async Task<Results<Ok<SearchResults>, ProblemHttpResult>> (
            HttpContext http, SearchService search, RegionTree regions, ReferenceCache references, MetricCodes metrics, EntityCodes entities, CancellationToken ct) =>
        {
            if (!SearchParameters.TryRead(http.Request.Query, out var values, out var problem)) return problem.ToResult();
            if (entities.Unknown(SearchParameters, values) is { } unknown) return unknown.ToResult();
            string? Text(string name) => values.GetValueOrDefault(name) as string;
            var (q, headline, year, first) = (Text("q"), Text("headline"), (int?)values.GetValueOrDefault("year"), (int?)values.GetValueOrDefault("first"));
            if (string.IsNullOrWhiteSpace(q))
                return new ParameterProblem("q", "'q' is required: the words to search for, in Chinese or English, e.g. /api/v1/search?q=出生率 or ?q=birth%20rate.").ToResult();
            bool? isHeadline = null;
            if (!string.IsNullOrEmpty(headline))
            {
                if (!bool.TryParse(headline, out var parsed)) return new ParameterProblem("headline", $"'headline' must be true or false, not '{headline}'.").ToResult();
                isHeadline = parsed;
            }
            try
            {
                var filtered = new SearchFilter(Text("region"), year, Text("kind"), Text("category"), Text("metric"), Text("source"), Text("qualifier"), isHeadline, Text("withinRegion"))
                    .Filter(regions, references, metrics);
                var page = await search.SearchAsync(q, filtered, new PageRequest(first, Text("after")), ct);
                var columns = Dataset.Find("observations")!.Columns;
                return TypedResults.Ok(new SearchResults(q, page.Terms, page.TotalCount, page.PageInfo.HasNextPage, page.PageInfo.EndCursor, page.Facets,
                    [.. page.Hits.Select(h => new SearchResultItem(columns.ToDictionary(c => c.Name, c => c.Read(h.Observation)), h.Score, h.Matches,
                        h.Breakdown, h.Observation.Kind, h.Observation.Qualifier, h.Observation.Year, h.Observation.YearBasis))],
                    page.AllTermsMatched, page.Unmatched ?? [], page.Corrections ?? [], page.Notice));
            }
            catch (QueryArgumentException e)
            {
                return e.Argument is { } parameter ? new ParameterProblem(parameter, e.Message).ToResult() : BadRequest(e.Message);
            }
        }).WithName("Search").WithTags("Search").WithMetadata(SearchParameters).ProducesProblem(StatusCodes.Status400BadRequest)
          .WithSummary("Figures whose metric, quote, English rendering, sentence, note, region, institution, programme or source have every word of q (Chinese typed with or without spaces, English in any case, form or spelling, synonyms), most relevant first; when none has them all, those with most of them, with a notice naming the words that found nothing.")
          .WithDescription("region includes everything below it (a province includes its prefectures and counties); year, kind (actual, target, change), category, metric, source, qualifier (EXACT, APPROXIMATE, AT_LEAST, AT_MOST, RANGE, RANK) and headline (true: the figures a journalist leads with) narrow the result. Each item carries the spans of the words in its quote, quoteEn, sentence, metric names and note; facets count the whole result by region, year, kind, category, metric, source, qualifier and headline. Paged with first/after.");

        api.MapGet("/regions", (ReferenceCache references, Coverage coverage) =>
            TypedResults.Ok(references.Table<Region>()!.Values.OrderBy(r => r.Code, StringComparer.Ordinal)
                .Select(r => new RegionItem(r.Code, r.NameZh, r.NameEn, r.Level, r.ParentCode, coverage.RegionCounts.GetValueOrDefault(r.Code))).ToList()))
            .WithName("ListRegions").WithTags("Lookups")
            .WithSummary("Every region with its level, its parent and how many figures are about it (province → prefecture → county).");

        api.MapGet("/metrics", (ReferenceCache references, Coverage coverage) =>
            TypedResults.Ok(references.Table<Metric>()!.Values.OrderBy(m => m.Category, StringComparer.Ordinal).ThenBy(m => m.Code, StringComparer.Ordinal)
                .Select(m => new MetricItem(m.Code, m.NameZh, m.NameEn, m.Unit, m.Category, m.Description,
                    coverage.Metrics.GetValueOrDefault(m.Code) ?? new MetricCoverage(0, [], [], []))).ToList()))
            .WithName("ListMetrics").WithTags("Lookups")
            .WithSummary("Every metric with its coverage: how many figures, in which regions, years and kinds (to find a metric reported in two regions).");
    }

    /// <summary>The query parameters of GET /api/v1/search, read and checked in one place (their OpenAPI entries come from here too).</summary>
    public static readonly QueryParameters SearchParameters = new(
        new("q", new ParameterForm.Text("the words to search for, in Chinese or English", 200), "Words that must all occur (any case)."),
        new("region", new ParameterForm.Code("a region code such as 330382", "regions"), "Figures of exactly this region (not the regions below it: use withinRegion)."),
        new("withinRegion", new ParameterForm.Code("a region code such as 140000", "regions"), "Figures of this region and every region below it."),
        new("year", new ParameterForm.WholeNumber("a year in four digits, such as 2023", 1000, 9999), "Figures that refer to this year."),
        new("kind", new ParameterForm.Text("a kind: actual, target or change"), "Figures of this kind."),
        new("category", new ParameterForm.Text("a category such as maternal_child_health"), "Figures of metrics in this category."),
        new("metric", new ParameterForm.Code("a metric code such as physicians_per_1000 (or an old code of one)", "metrics"), "Figures of this metric; an old code adds the dimensions it stood for."),
        new("source", new ParameterForm.Code("a source id such as yueqing-2023-work-summary", "sources"), "Figures from this report."),
        new("qualifier", new ParameterForm.Text("a qualifier: EXACT, APPROXIMATE, AT_LEAST, AT_MOST, RANGE or RANK"), "Figures with this qualifier."),
        new("headline", new ParameterForm.Text("true or false"), "true: only the figures a journalist would lead with."),
        new("first", new ParameterForm.WholeNumber("a number of rows in digits, from 0 to the maximum page size (500 unless configured otherwise)", 0, int.MaxValue), "Rows per page (default 50)."),
        new("after", new ParameterForm.Text("a cursor returned by this API as endCursor", 200), "Rows after this cursor."));

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");
}
