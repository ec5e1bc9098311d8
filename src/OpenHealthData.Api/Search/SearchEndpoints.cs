using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Storage;
using OpenHealthData.Data.Model;
using OpenHealthData.Data;

namespace OpenHealthData.Api.Search;

/// <summary>REST search and the two lists a newcomer starts from: every region and every metric with its coverage.</summary>
public static class SearchEndpoints
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/search", async Task<Results<Ok<SearchResults>, ProblemHttpResult>> (
            [FromQuery] string? q, [FromQuery] string? region, [FromQuery] int? year, [FromQuery] string? kind, [FromQuery] string? category,
            [FromQuery] string? metric, [FromQuery] string? source, [FromQuery] string? qualifier, [FromQuery] string? headline, [FromQuery] int? first, [FromQuery] string? after,
            SearchService search, HealthDbContext db, RegionTree regions, ReferenceCache references, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(q))
                return BadRequest("'q' is required: the words to search for, in Chinese or English, e.g. /api/v1/search?q=出生率 or ?q=birth%20rate.");
            bool? isHeadline = null;
            if (!string.IsNullOrEmpty(headline))
            {
                if (!bool.TryParse(headline, out var parsed)) return BadRequest($"'headline' must be true or false, not '{headline}'.");
                isHeadline = parsed;
            }
            try
            {
                var filtered = new SearchFilter(region, year, kind, category, metric, source, qualifier, isHeadline).Apply(db.Observations, regions, references);
                var page = await search.SearchAsync(q, filtered, new PageRequest(first, after), ct);
                var columns = Dataset.Find("observations")!.Columns;
                return TypedResults.Ok(new SearchResults(q, page.Terms, page.TotalCount, page.PageInfo.HasNextPage, page.PageInfo.EndCursor, page.Facets,
                    [.. page.Hits.Select(h => new SearchResultItem(columns.ToDictionary(c => c.Name, c => c.Read(h.Observation)), h.Score, h.Matches))]));
            }
            catch (QueryArgumentException e)
            {
                return BadRequest(e.Message);
            }
        }).WithName("Search").WithTags("Search")
          .WithSummary("Figures whose metric, quote, English rendering, sentence, note, region, institution, programme or source contain every word of q (Chinese or English, any case), most relevant first.")
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

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");
}
