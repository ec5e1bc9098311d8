using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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

    /// <summary>
    /// Retries the one step that can fail by itself and pass a moment later: moving the finished file over the old one
    /// while another process still has the old one open (Windows refuses the rename with an IOException or
    /// UnauthorizedAccessException until it closes it). Nothing else is retried.
    /// </summary>
    public ResiliencePipeline FileRetry { get; init; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<IOException>().Handle<UnauthorizedAccessException>(),
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

    /// <param name="beside">Work that needs only the validated seed data, run on another thread while the database is written; awaited.</param>
    public async Task<BuildReport> BuildAsync(string seedDirectory, string databasePath, CancellationToken ct = default,
        Func<SeedSet, CancellationToken, Task>? beside = null)
    {
        var latency = GCSettings.LatencyMode;
        try { return await BuildBatchAsync(seedDirectory, databasePath, ct, beside); }
        finally { GCSettings.LatencyMode = latency; }
    }

    private async Task<BuildReport> BuildBatchAsync(string seedDirectory, string databasePath, CancellationToken ct, Func<SeedSet, CancellationToken, Task>? beside)
    {
        var clock = Stopwatch.StartNew();
        var phases = new Phases();
        // While the seed is read the heap grows to its full size, and full collections that stop every thread cost
        // seconds each: only background ones then (9.7 s of pauses in the read of a million figures in batch mode).
        GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
        var seed = SeedReader.Read(seedDirectory);
        phases.End("read");
        // Writing is a batch job on every core, and nothing else runs until it ends: background collections of the
        // garbage collector would only compete for the cores (at 1M figures they cost ~10 % of the writing's CPU).
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        var target = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = $"{target}.{Guid.NewGuid():N}.tmp";
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // SQLite writes on one thread; the other core is free for the work beside it.
        var besideTask = beside is null ? Task.CompletedTask : Task.Run(() => beside(seed, failed.Token), CancellationToken.None);
        try
        {
            await WriteAsync(seed, temp, phases, ct);
            var context = ResilienceContextPool.Shared.Get(ct);
            context.Properties.Set(LoggerKey, _logger);
            try { FileRetry.Execute(_ => File.Move(temp, target, overwrite: true), context); }
            finally { ResilienceContextPool.Shared.Return(context); }
        }
        catch
        {
            await failed.CancelAsync();
            try { await besideTask; }
            catch (Exception e) { _logger.LogWarning("Stopped the work beside the failed build: {Error}", e.Message); }
            throw;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (File.Exists(temp)) File.Delete(temp);
        }
        await besideTask;
        phases.End("waiting for the work beside");

        var report = new BuildReport(seed.Hash, target, Counts(seed), clock.Elapsed);
        _logger.LogInformation("Built {Path} from seed-data {Hash} in {Ms} ms ({Phases}): {Counts}; observations per source: {PerSource}",
            target, seed.Hash, (int)clock.Elapsed.TotalMilliseconds, phases, report.Summary,
            string.Join(", ", seed.Observations.GroupBy(o => o.SourceId).Select(g => $"{g.Key} {g.Count()}")));
        return report;
    }

    /// <summary>
    /// EF Core's model defines the schema; rows go in through one prepared INSERT per table inside one transaction,
    /// and the indexes are created after the rows, which keeps a million observations to seconds.
    /// The file is a temporary one, so journaling is off until it is complete.
    /// </summary>
    private static async Task WriteAsync(SeedSet seed, string path, Phases phases, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<HealthDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString())
            .Options;
        await using var db = new HealthDbContext(options);
        var statements = db.Database.GenerateCreateScript()
            .Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length > 0).ToList();
        var indexes = statements.Where(s => s.StartsWith("CREATE INDEX", StringComparison.Ordinal) || s.StartsWith("CREATE UNIQUE INDEX", StringComparison.Ordinal)).ToList();

        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        // Foreign keys are not checked again row by row: the seed reader has checked every reference (a row that refers to
        // nothing is a seed error naming it), and the check cost SQLite a tenth of the build at a million figures.
        await Execute(connection, null, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;", ct);
        foreach (var statement in statements.Except(indexes)) await Execute(connection, null, statement, ct);

        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct))
        {
            Insert(db, connection, seed.Regions.OrderBy(r => Depth(r.ParentCode, seed.Regions, x => x.Code, x => x.ParentCode)), ct);
            Insert(db, connection, seed.Sources, ct);
            Insert(db, connection, seed.Metrics.OrderBy(m => Depth(m.BaseMetricCode, seed.Metrics, x => x.Code, x => x.BaseMetricCode)), ct);
            Insert(db, connection, seed.MetricAliases, ct);
            Insert(db, connection, seed.Institutions, ct);
            Insert(db, connection, seed.Programmes, ct);
            Insert(db, connection, seed.Observations, ct);
            phases.End("rows");
            SearchIndex.Build(connection, transaction, seed);
            phases.End("search index");
            Insert(db, connection, [
                new DatabaseInfo { Key = DatabaseInfoKeys.SeedHash, Value = seed.Hash },
                new DatabaseInfo { Key = DatabaseInfoKeys.BuiltAt, Value = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
            ], ct);
            await transaction.CommitAsync(ct);
        }

        foreach (var index in indexes) await Execute(connection, null, index, ct);
        phases.End("indexes");
        await DatabaseReadme.WriteAsync(connection, ct);
        // Statistics for the query planner, and a self-contained file: no -wal/-shm beside it, so it can be
        // renamed into place and opened read-only from a read-only folder.
        await Execute(connection, null, "ANALYZE; PRAGMA journal_mode = DELETE;", ct);
        await db.Database.CloseConnectionAsync();
        phases.End("analyze");
    }

    /// <summary>
    /// How long each step of a build took, wall and CPU (all threads of the process), for the log: where a slow build
    /// spends its time; on a busy machine the wall time of a step says little, its CPU time still does.
    /// </summary>
    private sealed class Phases
    {
        private Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _cpu = Environment.CpuUsage.TotalTime;
        private (int Gen0, int Gen1, int Gen2, TimeSpan Paused) _gc = Collections();
        private readonly List<string> _ended = [];

        public void End(string phase)
        {
            var (cpu, gc) = (Environment.CpuUsage.TotalTime, Collections());
            _ended.Add(string.Create(CultureInfo.InvariantCulture,
                $"{phase} {_clock.ElapsedMilliseconds} ms (CPU {(int)(cpu - _cpu).TotalMilliseconds} ms, GC {gc.Gen0 - _gc.Gen0}/{gc.Gen1 - _gc.Gen1}/{gc.Gen2 - _gc.Gen2} paused {(int)(gc.Paused - _gc.Paused).TotalMilliseconds} ms)"));
            (_cpu, _gc, _clock) = (cpu, gc, Stopwatch.StartNew());
        }

        // Collections of each generation so far (a gen-1 collection also counts as gen 0), and the time the program stood still for them.
        private static (int Gen0, int Gen1, int Gen2, TimeSpan Paused) Collections() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

        public override string ToString() => string.Join(", ", _ended);
    }

    /// <summary>Parents before children (regions, base metrics), so that every foreign key holds as rows go in.</summary>
    private static int Depth<T>(string? parent, IReadOnlyList<T> all, Func<T, string> key, Func<T, string?> parentOf)
    {
        var depth = 0;
        for (; parent is not null && depth < all.Count; depth++)
        {
            var p = parent;
            parent = all.FirstOrDefault(x => key(x) == p) is { } row ? parentOf(row) : null;
        }
        return depth;
    }

    private static void Insert<T>(HealthDbContext db, SqliteConnection connection, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        using var insert = new BulkInsert(connection,
            $"INSERT INTO \"{table.Name}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""))}) VALUES ({string.Join(", ", properties.Select(_ => "?"))})");
        var getters = properties.Select(p => Getter<T>(p.PropertyInfo!)).ToArray();
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < getters.Length; i++) insert.Bind(i, getters[i](row));
            insert.Execute();
        }
    }

    private static Func<T, object?> Getter<T>(System.Reflection.PropertyInfo property)
    {
        var row = System.Linq.Expressions.Expression.Parameter(typeof(T));
        return System.Linq.Expressions.Expression.Lambda<Func<T, object?>>(
            System.Linq.Expressions.Expression.Convert(System.Linq.Expressions.Expression.Property(row, property), typeof(object)), row).Compile();
    }

    private static async Task Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
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
