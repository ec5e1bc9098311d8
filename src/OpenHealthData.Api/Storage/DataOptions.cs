using OpenHealthData.Data;

namespace OpenHealthData.Api.Storage;

/// <summary>Where the seed data and the database are. Configuration section "Data".</summary>
public sealed class DataOptions
{
    /// <summary>seed-data/ folder; default: the nearest seed-data/ above the app or the working directory.</summary>
    public string? SeedDirectory { get; set; }
    /// <summary>SQLite file; default: data/openhealthdata.db beside seed-data/.</summary>
    public string? DatabasePath { get; set; }

    public string ResolvedSeedDirectory => SeedDirectory is { Length: > 0 } dir ? Path.GetFullPath(dir)
        : HealthDatabase.FindSeedDirectory(Directory.GetCurrentDirectory(), AppContext.BaseDirectory)
          ?? throw new InvalidOperationException("No seed-data/ folder found above the working directory or the app; set Data:SeedDirectory.");

    public string ResolvedDatabasePath => DatabasePath is { Length: > 0 } path ? Path.GetFullPath(path)
        : Path.Combine(Path.GetDirectoryName(ResolvedSeedDirectory)!, "data", "openhealthdata.db");

    /// <summary>Memory for snapshot files served from memory (files up to 4 MiB each); 0 streams every file from disk.</summary>
    public long SnapshotMemoryBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Snapshot files live beside the database they were made from.</summary>
    public string SnapshotDirectory => Path.Combine(Path.GetDirectoryName(ResolvedDatabasePath)!, "snapshots");
}
