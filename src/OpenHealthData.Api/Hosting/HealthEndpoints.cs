using OpenHealthData.Api.Storage;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Hosting;

/// <summary>
/// /healthz (liveness: the process answers; with the data version and row counts) and /readyz (readiness: the
/// database answers a query, the current snapshot is published, and the server is not shutting down). Neither is
/// rate limited or cached, so probes always see the present state.
/// </summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (DatabaseInitializer db, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return Results.Ok(new { status = "ok", seedHash = db.Status.SeedHash, builtAt = db.Status.BuiltAt, counts = db.Status.Counts });
        }).WithName("Health").WithTags("Health").DisableRateLimiting()
          .WithSummary("Liveness: the seed-data version the database was built from and its row counts.");

        app.MapGet("/readyz", (DatabaseInitializer db, SnapshotStore snapshots, ReadConnections connections, IHostApplicationLifetime lifetime, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            var checks = new Dictionary<string, string>
            {
                ["database"] = Database(db, connections),
                ["snapshots"] = db.IsReady && snapshots.Find(db.Status.SeedHash) is not null ? "ok" : "not published",
                ["server"] = lifetime.ApplicationStopping.IsCancellationRequested ? "shutting down" : "ok",
            };
            var ready = checks.Values.All(v => v == "ok");
            return Results.Json(new { status = ready ? "ready" : "not ready", checks },
                statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).WithName("Ready").WithTags("Health").DisableRateLimiting()
          .WithSummary("Readiness: 200 when the database is open and the current snapshot published, else 503 with the failing check.")
          .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status503ServiceUnavailable);
    }

    private static string Database(DatabaseInitializer db, ReadConnections connections)
    {
        if (!db.IsReady) return "not initialised";
        try
        {
            var info = Querying.SqlNames.Table(typeof(DatabaseInfo));
            return connections.Query(Sql.Of($"SELECT EXISTS (SELECT 1 FROM {info})"), row => row.GetBoolean(0))[0] ? "ok" : "empty";
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return "error " + e.SqliteErrorCode;
        }
    }
}
