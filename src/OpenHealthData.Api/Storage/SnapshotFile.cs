namespace OpenHealthData.Api.Storage;

/// <summary>One file of a snapshot: a dataset in one format, its size and hash.</summary>
public sealed record SnapshotFile(string Dataset, string Format, long Bytes, string Sha256);
