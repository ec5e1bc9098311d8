using Microsoft.AspNetCore.Http.HttpResults;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Explore.Pages;
using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Search;
using OpenHealthData.Api.Storage;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Explore;

/// <summary>
/// The explorer: server-rendered pages to search, browse, compare and cite the figures without writing GraphQL.
/// Each endpoint fetches its data, then renders a Razor component with it (Pages/), which encodes every text.
/// </summary>
public static class ExploreEndpoints
{
    public static void MapExplorer(this IEndpointRouteBuilder app)
    {
        var explore = app.MapGroup("/explore").ExcludeFromDescription();

        explore.MapGet("", async (HttpContext http, SearchService search, RegionTree regions, ReferenceCache references, MetricCodes metrics, CancellationToken ct) =>
        {
            var r = new ExploreRequest(http);
            var (q, error) = ExploreQuery.Parse(http.Request.Query);
            if (q is null) return Problem(r, StatusCodes.Status400BadRequest, error!);
            try
            {
                var page = await search.SearchAsync(q.Q, q.Filter.Filter(regions, references, metrics), new PageRequest(SearchView.PageSize, q.After), ct);
                var start = q.After is null ? 0 : Paging.Decode(q.After, "after") + 1;
                // The front door (no words, no filter): the headline figures of each region.
                IReadOnlyList<SearchHit>? headlines = q.IsEmpty
                    ? (await search.SearchAsync(null, new SearchFilter(Headline: true).Filter(regions, references, metrics), new PageRequest(500, null), ct)).Hits
                    : null;
                return View<SearchView>(new { R = r, Q = q, Page = page, References = references, Start = start, Headlines = headlines, Metrics = metrics });
            }
            catch (QueryArgumentException e)
            {
                return Problem(r, StatusCodes.Status400BadRequest, Said(r, q.Filter, e));
            }
        });

        explore.MapGet("/download.{format}", async (string format, HttpContext http, SearchService search, RegionTree regions, ReferenceCache references, MetricCodes metrics, CancellationToken ct) =>
        {
            var r = new ExploreRequest(http);
            if (format is not ("csv" or "json")) return Problem(r, StatusCodes.Status404NotFound, r.F("error.format", format));
            var (q, error) = ExploreQuery.Parse(http.Request.Query);
            if (q is null) return Problem(r, StatusCodes.Status400BadRequest, error!);
            try
            {
                var filtered = q.Filter.Filter(regions, references, metrics);
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
                return Problem(r, StatusCodes.Status400BadRequest, Said(r, q.Filter, e));
            }
        });

        explore.MapGet("/metrics", (HttpContext http, ReferenceCache references, Coverage coverage) =>
        {
            var r = new ExploreRequest(http);
            return View<MetricsView>(new { R = r, Metrics = (IReadOnlyCollection<Metric>)[.. references.Table<Metric>()!.Values], Coverage = coverage, Regions = references.Table<Region>()! });
        });

        explore.MapGet("/metrics/{code}", (string code, HttpContext http, ListQueries lists, ReferenceCache references, Coverage coverage, MetricCodes metrics) =>
        {
            var r = new ExploreRequest(http);
            if (references.Table<Metric>()!.GetValueOrDefault(code) is not { } metric) return Moved(r, metrics, code, "metrics") ?? Problem(r, StatusCodes.Status404NotFound, r.F("error.metric", code));
            var figures = Figures(lists, references, "metricCode", code);
            return View<MetricView>(new { R = r, Metric = metric, Figures = figures, Coverage = coverage.Metrics.GetValueOrDefault(code) });
        });

        explore.MapGet("/compare/{code}", (string code, HttpContext http, ListQueries lists, ReferenceCache references, MetricCodes metrics) =>
        {
            var r = new ExploreRequest(http);
            if (references.Table<Metric>()!.GetValueOrDefault(code) is not { } metric) return Moved(r, metrics, code, "compare") ?? Problem(r, StatusCodes.Status404NotFound, r.F("error.metric", code));
            var figures = Figures(lists, references, "metricCode", code);
            var tables = ExploreCompare.Tables(r, metric, figures);
            return View<CompareView>(new { R = r, Metric = metric, Tables = tables, LeftOut = ExploreCompare.LeftOut(r, metric, figures, tables) });
        });

        explore.MapGet("/compare/{code}/table.csv", (string code, HttpContext http, ListQueries lists, ReferenceCache references, MetricCodes metrics) =>
        {
            var r = new ExploreRequest(http);
            if (references.Table<Metric>()!.GetValueOrDefault(code) is not { } metric) return Moved(r, metrics, code, "compare", "/table.csv") ?? Problem(r, StatusCodes.Status404NotFound, r.F("error.metric", code));
            var figures = Figures(lists, references, "metricCode", code);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"openhealthdata-compare-{code}.csv\"";
            return Results.Text(ExploreCompareCsv.Write(r, ExploreCompare.Tables(r, metric, figures)), "text/csv; charset=utf-8");
        });

        explore.MapGet("/regions/{code}", (string code, HttpContext http, ListQueries lists, ReferenceCache references, Coverage coverage) =>
        {
            var r = new ExploreRequest(http);
            var regions = references.Table<Region>()!;
            if (regions.GetValueOrDefault(code) is not { } region) return Problem(r, StatusCodes.Status404NotFound, r.F("error.region", code));
            var figures = Figures(lists, references, "regionCode", code);
            var children = regions.Values.Where(x => x.ParentCode == code).OrderBy(x => x.Code, StringComparer.Ordinal).ToList();
            var parent = region.ParentCode is null ? null : regions.GetValueOrDefault(region.ParentCode);
            return View<RegionView>(new { R = r, Region = region, Parent = parent, Children = children, Figures = figures, Coverage = coverage });
        });

        explore.MapGet("/sources/{id}", (string id, HttpContext http, ListQueries lists, ReferenceCache references) =>
        {
            var r = new ExploreRequest(http);
            if (references.Table<Source>()!.GetValueOrDefault(id) is not { } source) return Problem(r, StatusCodes.Status404NotFound, r.F("error.source", id));
            source.Region ??= references.Table<Region>()!.GetValueOrDefault(source.RegionCode);
            var figures = Figures(lists, references, "sourceId", id);
            return View<SourceView>(new { R = r, Source = source, Figures = figures });
        });
    }

    /// <summary>The figures whose <paramref name="field"/> is <paramref name="value"/>, by id, with their references.</summary>
    private static List<Observation> Figures(ListQueries lists, ReferenceCache references, string field, string value) =>
        [.. lists.List(Shapes.Observation, FilterNode.Where(Shapes.Observation.FindScalar(field)!, FilterOperators.Eq, value), []).Select(references.Attach)];

    /// <summary>
    /// An old metric code (seed-data/metric-aliases) in a page's address is an old link: the page moved for good to its
    /// metric's (301), where the figures it stood for are listed with their breakdown. Null when the code is not one.
    /// </summary>
    private static IResult? Moved(ExploreRequest r, MetricCodes metrics, string code, string kind, string rest = "") =>
        metrics.Resolve(code) is { Alias: not null } old ? Results.Redirect(r.Link($"/explore/{kind}/{Uri.EscapeDataString(old.Metric.Code)}{rest}"), permanent: true) : null;

    /// <summary>What was wrong with a filter, in the page's language where the explorer has the words (an unknown code), else the API's.</summary>
    private static string Said(ExploreRequest r, SearchFilter f, QueryArgumentException e) => e.Argument switch
    {
        "metric" => r.F("error.metric", f.Metric!),
        "region" => r.F("error.region", f.Region!),
        "source" => r.F("error.source", f.Source!),
        _ => e.Message,
    };

    private static IResult View<TPage>(object parameters) where TPage : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TPage>(parameters);

    /// <summary>A page that says what was not found or what was wrong, with the right status.</summary>
    public static IResult Problem(ExploreRequest r, int status, string message) =>
        new RazorComponentResult<ProblemView>(new { R = r, Status = status, Message = message }) { StatusCode = status };
}
