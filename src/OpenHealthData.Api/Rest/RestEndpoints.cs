using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Storage;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Rest;

/// <summary>REST beside the graph: immutable snapshot downloads and plain lookups for the common cases.</summary>
public static class RestEndpoints
{
    private const string Immutable = "public, max-age=31536000, immutable";

    public static void MapRestEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");

        // The listing changes only with the data version (a new seed builds a new snapshot), so caches may keep it like a lookup.
        api.MapGet("/snapshots", ListSnapshots)
          .AddEndpointFilter<Serving.HttpCachingFilter>().WithName("ListSnapshots").WithTags("Snapshots")
          .WithSummary("Snapshots available for download: one per seed-data version, each with links to every dataset.");

        api.MapMethods("/snapshots/{id}/{file}", [HttpMethods.Get, HttpMethods.Head], GetSnapshotFile).WithName("GetSnapshotFile").WithTags("Snapshots")
          .WithSummary("One file of a snapshot: a dataset as JSON, CSV or Parquet, the data package descriptor, or the SQLite database; e.g. /api/v1/snapshots/latest/observations.parquet (302 to the current id).")
          .WithDescription("file is {dataset}.{format} — dataset one of " + string.Join(", ", Dataset.All.Select(d => d.Name)) + "; format json, csv or parquet — or " +
                           SnapshotStore.DataPackageFile + " (a Frictionless Data Package describing every file, with Table Schemas, hashes and sources) or " +
                           SnapshotStore.DatabaseFile + " (the SQLite database the API reads; its README table documents the tables). " +
                           "Versioned files are immutable and carry a strong ETag (If-None-Match answers 304) and byte ranges; JSON and CSV are served gzip- or brotli-compressed on request.")
          .Produces(StatusCodes.Status200OK, contentType: "text/csv").Produces(StatusCodes.Status200OK, contentType: "application/json")
          .Produces(StatusCodes.Status200OK, contentType: "application/vnd.apache.parquet").Produces(StatusCodes.Status200OK, contentType: "application/vnd.sqlite3")
          .Produces(StatusCodes.Status302Found).Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/regions/{code}", GetRegion)
            .AddEndpointFilter<Serving.HttpCachingFilter>().WithName("GetRegion").WithTags("Lookups").WithSummary("A region by its administrative division code.");

        api.MapGet("/metrics/{code}", GetMetric)
            .AddEndpointFilter<Serving.HttpCachingFilter>().WithName("GetMetric").WithTags("Lookups").WithSummary("A metric definition by code; an old code merged into a metric gives that metric.");

        api.MapGet("/sources/{id}/text", GetSourceText).WithName("GetSourceText").WithTags("Lookups").WithSummary("The full text of a report, as published, to read a quote in context.");

        api.MapGet("/observations", ListObservations)
          .AddEndpointFilter<Serving.HttpCachingFilter>().WithName("ListObservations").WithTags("Lookups").WithMetadata(ObservationParameters)
          .ProducesProblem(StatusCodes.Status400BadRequest)
          .WithSummary("Figures filtered by region (exactly that region), withinRegion (that region and every region below it), metric, year, kind and source; newest first, paged with first/after as in GraphQL.")
          .WithDescription("The same rows as GraphQL observations(where: { regionCode, metricCode, year, kind, sourceId: { eq } }, withinRegion:, order: [{ year: DESC }]). " +
                           "An unknown region, withinRegion, metric or source code is a 400 problem naming the parameter and the dataset that lists the codes; a malformed value or cursor is a 400 naming its parameter.");

        api.MapCompareEndpoint();
    }

    private static Ok<SnapshotList> ListSnapshots(SnapshotStore store, DatabaseInitializer db) =>
        TypedResults.Ok(new SnapshotList(db.Status.SeedHash, [.. store.List().Select(m => Summary(m, db.Status.SeedHash))]));

    private static Results<FileContentHttpResult, PhysicalFileHttpResult, RedirectHttpResult, ProblemHttpResult> GetSnapshotFile(string id, string file, SnapshotStore store, DatabaseInitializer db, HttpContext http)
    {
        var dot = file.LastIndexOf('.');
        var (dataset, format) = dot > 0 ? (file[..dot], file[(dot + 1)..]) : (file, "");
        if (!SnapshotStore.IsFileName(dataset, format))
            return Dataset.Find(dataset) is null && file is not (SnapshotStore.DataPackageFile or SnapshotStore.DatabaseFile)
                ? NotFound($"There is no dataset '{dataset}'. Datasets: {string.Join(", ", Dataset.All.Select(d => d.Name))}; also {SnapshotStore.DataPackageFile} and {SnapshotStore.DatabaseFile}.")
                : NotFound($"There is no format '{format}'. Formats: {string.Join(", ", SnapshotStore.Formats)} (e.g. {dataset}.csv).");
        if (id == "latest")
        {
            http.Response.Headers.CacheControl = "no-cache";
            return TypedResults.Redirect($"/api/v1/snapshots/{db.Status.SeedHash}/{dataset}.{format}");
        }
        var manifest = store.Find(id);
        var entry = manifest?.Files.FirstOrDefault(f => f.Dataset == dataset && f.Format == format);
        if (manifest is null || entry is null)
            return NotFound($"There is no snapshot '{id}'. GET /api/v1/snapshots lists them; /api/v1/snapshots/latest/{dataset}.{format} redirects to the current one.");

        var encoding = SnapshotStore.IsCompressed(format) ? Encoding(http.Request.Headers.AcceptEncoding) : "";
        http.Response.Headers.CacheControl = Immutable;
        if (SnapshotStore.IsCompressed(format)) http.Response.Headers.Vary = "Accept-Encoding";
        if (encoding.Length > 0) http.Response.Headers.ContentEncoding = encoding;
        var etag = new EntityTagHeaderValue($"\"{entry.Sha256}{(encoding.Length > 0 ? "-" + encoding : "")}\"");
        var path = store.PathOf(id, entry, encoding);
        return store.InMemory(path) is { } bytes
            ? TypedResults.Bytes(bytes, SnapshotStore.ContentTypes[format], lastModified: manifest.Created, entityTag: etag, enableRangeProcessing: encoding.Length == 0)
            : TypedResults.PhysicalFile(path, SnapshotStore.ContentTypes[format], lastModified: manifest.Created, entityTag: etag, enableRangeProcessing: encoding.Length == 0);
    }

    private static Results<Ok<Dictionary<string, object?>>, ProblemHttpResult> GetRegion(string code, ReferenceCache references) =>
        references.Table<Region>()!.GetValueOrDefault(code) is { } region
            ? TypedResults.Ok(Row("regions", region))
            : NotFound($"There is no region '{code}'. Codes are six-digit administrative division codes, e.g. 330382.");

    private static Results<Ok<Dictionary<string, object?>>, ProblemHttpResult> GetMetric(string code, MetricCodes codes) =>
        codes.Resolve(code) is { } resolved
            ? TypedResults.Ok(Row("metrics", resolved.Metric))
            : NotFound($"There is no metric '{code}'. GET /api/v1/snapshots/latest/metrics.json lists them.");

    private static Results<ContentHttpResult, ProblemHttpResult> GetSourceText(string id, ListQueries lists, HttpContext http)
    {
        var text = lists.List(Shapes.Source, FilterNode.Where(Shapes.Source.KeyField, FilterOperators.Eq, id), []).FirstOrDefault()?.Text;
        if (text is null) return NotFound($"There is no source '{id}'.");
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Text(text, "text/plain; charset=utf-8");
    }

    private static async Task<Results<Ok<ObservationPage>, ProblemHttpResult>> ListObservations(
        HttpContext http, ListQueries lists, RegionTree regions, ReferenceCache references, MetricCodes codes, EntityCodes entities, IOptions<PagingOptions> paging, CancellationToken ct)
    {
        if (!ObservationParameters.TryRead(http.Request.Query, out var values, out var problem)) return problem.ToResult();
        if (entities.Unknown(ObservationParameters, values) is { } unknown) return unknown.ToResult();
        try
        {
            var request = new ListQuery(ObservationFilter(values, regions, codes), NewestFirst, new PageRequest((int?)values.GetValueOrDefault("first"), (string?)values.GetValueOrDefault("after")));
            var page = lists.Page(Shapes.Observation, request, paging.Value, fields: null, withTotal: true);
            return TypedResults.Ok(new ObservationPage(await page.TotalCountAsync(ct), page.PageInfo.HasNextPage, page.PageInfo.EndCursor,
                [.. page.Nodes.Select(o => Row("observations", references.Attach(o)))]));
        }
        catch (QueryArgumentException e)
        {
            return new ParameterProblem(e.Argument ?? "", e.Message).ToResult();
        }
    }

    /// <summary>The filter the parameters of GET /api/v1/observations stand for: the same as GraphQL's where and withinRegion.</summary>
    public static FilterNode? ObservationFilter(IReadOnlyDictionary<string, object> values, RegionTree regions, MetricCodes codes)
    {
        var shape = Shapes.Observation;
        FilterNode? filter = null;
        foreach (var (parameter, field) in ObservationFilters)
            if (values.GetValueOrDefault(parameter) is { } value) filter = FilterNode.And(filter, FilterNode.Where(shape.FindScalar(field)!, FilterOperators.Eq, value));
        // An old metric code means its metric and the dimensions it stood for.
        if (values.GetValueOrDefault("metric") is string metric)
            filter = FilterNode.And(filter, FilterParser.Parse(shape, MetricCodes.Filter(codes.Require(metric, "metric"))));
        if (values.GetValueOrDefault("withinRegion") is string withinRegion)
            filter = FilterNode.And(filter, regions.Within(shape, withinRegion));
        return filter;
    }

    /// <summary>The parameters of GET /api/v1/observations that are equality filters, and the field each filters.</summary>
    private static readonly (string Parameter, string Field)[] ObservationFilters =
        [("region", "regionCode"), ("year", "year"), ("kind", "kind"), ("source", "sourceId")];

    private static readonly IReadOnlyList<SortKey> NewestFirst = [new SortKey([], Shapes.Observation.FindScalar("year")!, Descending: true)];

    /// <summary>The query parameters of GET /api/v1/observations.</summary>
    public static readonly QueryParameters ObservationParameters = new(
        new("region", new ParameterForm.Code("a region code such as 330382", "regions"), "Figures of exactly this region (not the regions below it: use withinRegion)."),
        new("withinRegion", new ParameterForm.Code("a region code such as 140000", "regions"), "Figures of this region and every region below it."),
        new("metric", new ParameterForm.Code("a metric code such as physicians_per_1000 (or an old code of one)", "metrics"), "Figures of this metric; an old code adds the dimensions it stood for."),
        new("year", new ParameterForm.WholeNumber("a year in four digits, such as 2023", 1000, 9999), "Figures that refer to this year."),
        new("kind", new ParameterForm.OneOf(Vocabulary.ObservationKinds), "Figures of this kind."),
        new("source", new ParameterForm.Code("a source id such as yueqing-2023-work-summary", "sources"), "Figures from this report."),
        new("first", new ParameterForm.WholeNumber("a number of rows in digits, from 0 to the maximum page size (500 unless configured otherwise)", 0, int.MaxValue), "Rows per page (default 50)."),
        new("after", new ParameterForm.Text("a cursor returned by this API as endCursor", 200), "Rows after this cursor."));

    private static SnapshotSummary Summary(SnapshotManifest m, string current)
    {
        SnapshotLink Link(SnapshotFile f) => new($"/api/v1/snapshots/{m.Id}/{f.Name}", f.Bytes, f.Sha256);
        SnapshotLink? File(string name) => m.Files.FirstOrDefault(f => f.Name == name) is { } f ? Link(f) : null;
        return new(m.Id, m.Created, m.Id == current, m.Counts,
            m.Files.Where(f => Dataset.Find(f.Dataset) is not null).GroupBy(f => f.Dataset)
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, SnapshotLink>)g.ToDictionary(f => f.Format, Link)),
            File(SnapshotStore.DataPackageFile), File(SnapshotStore.DatabaseFile));
    }

    internal static Dictionary<string, object?> Row(string dataset, object entity) =>
        Dataset.Find(dataset)!.Columns.ToDictionary(c => c.Name, c => c.Read(entity));

    internal static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not Found");

    /// <summary>The best precompressed variant the client accepts: brotli, then gzip, else none.</summary>
    private static string Encoding(Microsoft.Extensions.Primitives.StringValues acceptEncoding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var accepted)) return "";
        bool Accepts(string name) => accepted.Any(a => a.Value.Equals(name, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
        return Accepts("br") ? "br" : Accepts("gzip") ? "gzip" : "";
    }
}
