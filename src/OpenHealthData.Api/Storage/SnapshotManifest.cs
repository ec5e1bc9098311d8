namespace OpenHealthData.Api.Storage;

/// <summary>What a snapshot folder holds (its manifest.json).</summary>
public sealed record SnapshotManifest(string Id, DateTimeOffset Created, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<SnapshotFile> Files);
