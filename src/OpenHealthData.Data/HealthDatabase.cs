using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Data;

/// <summary>Where the database lives, whether it is current, and how the API opens it.</summary>
public static class HealthDatabase
{
    /// <summary>Read-only at the SQLite level: no statement of the API can change a byte of the file.</summary>
    public static string ReadOnlyConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(databasePath),
        Mode = SqliteOpenMode.ReadOnly,
    }.ToString();

    public static TBuilder UseReadOnlyHealthDatabase<TBuilder>(this TBuilder options, string databasePath) where TBuilder : DbContextOptionsBuilder =>
        (TBuilder)options.UseSqlite(ReadOnlyConnectionString(databasePath))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(new ReadOnlyPragmas());

    public static HealthDbContext OpenReadOnly(string databasePath) =>
        new(new DbContextOptionsBuilder<HealthDbContext>().UseReadOnlyHealthDatabase(databasePath).Options);

    /// <summary>The seed hash the database was built from, or null when it is missing or unreadable.</summary>
    public static string? ReadSeedHash(string databasePath)
    {
        if (!File.Exists(databasePath)) return null;
        try
        {
            using var connection = new SqliteConnection(ReadOnlyConnectionString(databasePath) + ";Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT Value FROM Info WHERE Key = $key";
            command.Parameters.AddWithValue("$key", DatabaseInfoKeys.SeedHash);
            return command.ExecuteScalar() as string;
        }
        catch (SqliteException)
        {
            return null; // corrupt or foreign file: treated as missing, so it gets rebuilt
        }
    }

    /// <summary>Builds the database when it is missing, unreadable or built from other seed data.</summary>
    /// <param name="beside">
    /// When it builds: work that needs only the validated seed data, run on another thread while the database is written
    /// (the snapshot files); awaited before this returns, and cancelled if the build fails.
    /// </param>
    public static async Task<string> EnsureCurrentAsync(string seedDirectory, string databasePath, ILogger? logger = null, CancellationToken ct = default,
        Func<SeedSet, CancellationToken, Task>? beside = null)
    {
        logger ??= NullLogger.Instance;
        var current = ReadSeedHash(databasePath);
        // Hashing reads every seed file (seconds for a million figures): only when there is a database to compare with.
        if (current is not null && SeedHash.Compute(seedDirectory) is var wanted && current == wanted)
        {
            logger.LogInformation("Database {Path} is current (seed-data {Hash})", databasePath, wanted);
            return wanted;
        }
        logger.LogInformation("Database {Path} is {State}; building from {Seed}", databasePath,
            current is null ? (File.Exists(databasePath) ? "unreadable" : "missing") : $"from seed-data {current}", seedDirectory);
        var report = await new DatabaseBuilder(logger).BuildAsync(seedDirectory, databasePath, ct, beside);
        return report.SeedHash;
    }

    /// <summary>Finds seed-data/ by walking up from the given folders (repository checkout or published app).</summary>
    public static string? FindSeedDirectory(params string[] startFolders)
    {
        foreach (var start in startFolders)
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seed-data");
                if (File.Exists(Path.Combine(candidate, "sources", "sources.jsonl"))) return candidate;
            }
        return null;
    }
}
