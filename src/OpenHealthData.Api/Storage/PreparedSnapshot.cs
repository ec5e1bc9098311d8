using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Storage;

/// <summary>
/// A snapshot's dataset files, written by <see cref="SnapshotStore.PrepareAsync"/> into a temporary folder and waiting
/// for the database file: <see cref="SnapshotStore.PublishAsync"/> adds it and publishes them together.
/// </summary>
/// <param name="Sources">The reports, in key order, for the data package's description.</param>
public sealed record PreparedSnapshot(string SeedHash, string Folder, IReadOnlyList<Source> Sources)
{
    public List<SnapshotFile> Files { get; } = [];
    public Dictionary<string, int> Counts { get; } = [];

    /// <summary>Wall and CPU time per file written, for the log: where a slow snapshot spends its time.</summary>
    public List<string> Times { get; } = [];
}
