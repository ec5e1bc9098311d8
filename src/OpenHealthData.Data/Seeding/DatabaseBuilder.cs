using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenHealthData.Data.Model;
using Polly;
using Polly.Retry;

namespace OpenHealthData.Data.Seeding;

/// <summary>
/// Builds the SQLite database from a validated seed set. The database is written to a temporary file
/// and renamed into place only when complete, so a failure never leaves a half-written database and
/// the previous one stays as it was.
/// </summary>
public sealed class DatabaseBuilder(ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Retries only what can pass by itself: a busy or locked file. Validation errors are never retried.</summary>
    public ResiliencePipeline FileRetry { get; init; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<IOException>().Handle<UnauthorizedAccessException>()
                .Handle<SqliteException>(e => e.SqliteErrorCode is 5 or 6), // SQLITE_BUSY, SQLITE_LOCKED
            MaxRetryAttempts = 5,
            Delay = TimeSpan.FromMilliseconds(100),
            BackoffType = DelayBackoffType.Exponential,
            OnRetry = args =>
            {
                (args.Context.Properties.TryGetValue(LoggerKey, out var log) ? log : NullLogger.Instance).LogWarning(
                    "Database file busy ({Error}); retry {Attempt} in {Delay} ms",
                    args.Outcome.Exception?.Message, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    private static readonly ResiliencePropertyKey<ILogger> LoggerKey = new("logger");

    public async Task<BuildReport> BuildAsync(string seedDirectory, string databasePath, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var seed = SeedReader.Read(seedDirectory);
        var target = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            await WriteAsync(seed, temp, ct);
            var context = ResilienceContextPool.Shared.Get(ct);
            context.Properties.Set(LoggerKey, _logger);
            try { FileRetry.Execute(_ => File.Move(temp, target, overwrite: true), context); }
            finally { ResilienceContextPool.Shared.Return(context); }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (File.Exists(temp)) File.Delete(temp);
        }

        var report = new BuildReport(seed.Hash, target, Counts(seed), clock.Elapsed);
        _logger.LogInformation("Built {Path} from seed-data {Hash} in {Ms} ms: {Counts}; observations per source: {PerSource}",
            target, seed.Hash, (int)clock.Elapsed.TotalMilliseconds, report.Summary,
            string.Join(", ", seed.Observations.GroupBy(o => o.SourceId).Select(g => $"{g.Key} {g.Count()}")));
        return report;
    }

    private static async Task WriteAsync(SeedSet seed, string path, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<HealthDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString())
            .Options;
        await using var db = new HealthDbContext(options);
        await db.Database.EnsureCreatedAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AddRange(seed.Regions);
        db.AddRange(seed.Sources);
        db.AddRange(seed.Metrics);
        db.AddRange(seed.Institutions);
        db.AddRange(seed.Programmes);
        db.AddRange(seed.Observations);
        db.Info.AddRange(
            new DatabaseInfo { Key = DatabaseInfoKeys.SeedHash, Value = seed.Hash },
            new DatabaseInfo { Key = DatabaseInfoKeys.BuiltAt, Value = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync(ct);
        // A self-contained file: no -wal/-shm beside it, so it can be renamed into place and opened read-only
        // from a read-only folder (EF Core creates SQLite databases in WAL mode).
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=DELETE", ct);
        await db.Database.ExecuteSqlRawAsync("VACUUM", ct);
    }

    public static IReadOnlyDictionary<string, int> Counts(SeedSet s) => new Dictionary<string, int>
    {
        ["sources"] = s.Sources.Count, ["regions"] = s.Regions.Count, ["institutions"] = s.Institutions.Count,
        ["programmes"] = s.Programmes.Count, ["metrics"] = s.Metrics.Count, ["observations"] = s.Observations.Count,
    };
}

public sealed record BuildReport(string SeedHash, string DatabasePath, IReadOnlyDictionary<string, int> Counts, TimeSpan Elapsed)
{
    public string Summary => string.Join(", ", Counts.Select(c => $"{c.Value} {c.Key}"));
}

public static class DatabaseInfoKeys
{
    public const string SeedHash = "seed_hash";
    public const string BuiltAt = "built_at";
}
