namespace OpenHealthData.Api.Rest;

/// <summary>One snapshot in the list: its counts, a link per dataset and format, its data package and its database file.</summary>
public sealed record SnapshotSummary(string Id, DateTimeOffset Created, bool Current, IReadOnlyDictionary<string, int> Counts,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, SnapshotLink>> Datasets, SnapshotLink? DataPackage, SnapshotLink? Database);
