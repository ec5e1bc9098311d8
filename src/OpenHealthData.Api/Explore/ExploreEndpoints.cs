using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Search;
using OpenHealthData.Api.Storage;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Explore;

/// <summary>The explorer: server-rendered pages to search, browse and cite the figures without writing GraphQL.</summary>
public static class ExploreEndpoints
{
    public static void MapExplorer(this IEndpointRouteBuilder app)
    {
        var explore = app.MapGroup("/explore").ExcludeFromDescription();

        explore.MapGet("", async (HttpContext http, SearchService search, RegionTree regions, ReferenceCache references, CancellationToken ct) =>
        {
            var r = new ExploreRequest(http);
            var (q, error) = ExploreQuery.Parse(http.Request.Query);
            if (q is null) return ExploreLayout.Problem(r, StatusCodes.Status400BadRequest, error!);
            try
            {
                var page = await search.SearchAsync(q.Q, q.Filter.Filter(regions, references), new PageRequest(ExploreSearchPage.PageSize, q.After), ct);
                var start = q.After is null ? 0 : Paging.Decode(q.After, "after") + 1;
                var title = q.Q is null ? r.T("search.title") : $"{q.Q} · {r.T("search.title")}";
                return ExploreLayout.Ok(r, title, ExploreSearchPage.Body(r, q, page, references, start), "nav.explore");
            }
            catch (QueryArgumentException e)
            {
                return ExploreLayout.Problem(r, StatusCodes.Status400BadRequest, e.Message);
            }
        });

        explore.MapGet("/download.{format}", async (string format, HttpContext http, SearchService search, RegionTree regions, ReferenceCache references, CancellationToken ct) =>
        {
            var r = new ExploreRequest(http);
            if (format is not ("csv" or "json")) return ExploreLayout.Problem(r, StatusCodes.Status404NotFound, $"There is no download format '{format}'; use .csv or .json.");
            var (q, error) = ExploreQuery.Parse(http.Request.Query);
            if (q is null) return ExploreLayout.Problem(r, StatusCodes.Status400BadRequest, error!);
            try
            {
                var filtered = q.Filter.Filter(regions, references);
                var rows = new List<object>();
                for (string? after = null; ;)
                {
                    var page = await search.SearchAsync(q.Q, filtered, new PageRequest(500, after), ct);
                    rows.AddRange(page.Hits.Select(h => h.Observation));
                    if (!page.PageInfo.HasNextPage) break;
                    after = page.PageInfo.EndCursor;
                }
                using var json = new MemoryStream();
                using var csv = new MemoryStream();
                TableWriter.Write(json, csv, Dataset.Find("observations")!.Columns, rows);
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"openhealthdata-figures.{format}\"";
                return format == "csv"
                    ? Results.Bytes(csv.ToArray(), "text/csv; charset=utf-8")
                    : Results.Bytes(json.ToArray(), "application/json; charset=utf-8");
            }
            catch (QueryArgumentException e)
            {
                return ExploreLayout.Problem(r, StatusCodes.Status400BadRequest, e.Message);
            }
        });

        explore.MapGet("/metrics", (HttpContext http, ReferenceCache references, Coverage coverage) =>
        {
            var r = new ExploreRequest(http);
            return ExploreLayout.Ok(r, r.T("metrics.title"), ExplorePages.Metrics(r, [.. references.Table<Metric>()!.Values], coverage, references.Table<Region>()!), "nav.metrics");
        });

        explore.MapGet("/metrics/{code}", (string code, HttpContext http, ListQueries lists, ReferenceCache references, Coverage coverage) =>
        {
            var r = new ExploreRequest(http);
            if (references.Table<Metric>()!.GetValueOrDefault(code) is not { } metric)
                return ExploreLayout.Problem(r, StatusCodes.Status404NotFound, r.Zh ? $"没有代码为“{code}”的指标。" : $"There is no metric with the code '{code}'.");
            var figures = Figures(lists, references, "metricCode", code);
            return ExploreLayout.Ok(r, r.Name(metric.NameZh, metric.NameEn), ExplorePages.Metric(r, metric, figures, coverage.Metrics.GetValueOrDefault(code)), "nav.metrics");
        });

        explore.MapGet("/regions/{code}", (string code, HttpContext http, ListQueries lists, ReferenceCache references, Coverage coverage) =>
        {
            var r = new ExploreRequest(http);
            var regions = references.Table<Region>()!;
            if (regions.GetValueOrDefault(code) is not { } region)
                return ExploreLayout.Problem(r, StatusCodes.Status404NotFound, r.Zh ? $"没有代码为“{code}”的地区。代码为六位行政区划代码，例如 330382。" : $"There is no region with the code '{code}'. Codes are six-digit administrative division codes, e.g. 330382.");
            var figures = Figures(lists, references, "regionCode", code);
            var children = regions.Values.Where(x => x.ParentCode == code).OrderBy(x => x.Code, StringComparer.Ordinal).ToList();
            var parent = region.ParentCode is null ? null : regions.GetValueOrDefault(region.ParentCode);
            return ExploreLayout.Ok(r, r.Name(region.NameZh, region.NameEn), ExplorePages.Region(r, region, parent, children, figures, coverage), "");
        });

        explore.MapGet("/sources/{id}", (string id, HttpContext http, ListQueries lists, ReferenceCache references) =>
        {
            var r = new ExploreRequest(http);
            if (references.Table<Source>()!.GetValueOrDefault(id) is not { } source)
                return ExploreLayout.Problem(r, StatusCodes.Status404NotFound, r.Zh ? $"没有编号为“{id}”的来源。" : $"There is no source with the id '{id}'.");
            source.Region ??= references.Table<Region>()!.GetValueOrDefault(source.RegionCode);
            var figures = Figures(lists, references, "sourceId", id);
            return ExploreLayout.Ok(r, source.Title, ExplorePages.Source(r, source, figures), "");
        });
    }

    /// <summary>The figures whose <paramref name="field"/> is <paramref name="value"/>, by id, with their references.</summary>
    private static List<Observation> Figures(ListQueries lists, ReferenceCache references, string field, string value) =>
        [.. lists.List(Shapes.Observation, FilterNode.Where(Shapes.Observation.FindScalar(field)!, FilterOperators.Eq, value), []).Select(references.Attach)];
}
