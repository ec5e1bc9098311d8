namespace OpenHealthData.Api.Rest;

/// <summary>GET /api/v1/snapshots: the current snapshot id and every snapshot.</summary>
public sealed record SnapshotList(string Current, IReadOnlyList<SnapshotSummary> Snapshots);
