namespace OpenHealthData.Api.Rest;

/// <summary>One snapshot in the list: its counts and a link per dataset and format.</summary>
public sealed record SnapshotSummary(string Id, DateTimeOffset Created, bool Current, IReadOnlyDictionary<string, int> Counts,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, SnapshotLink>> Datasets);
