namespace OpenHealthData.Api.Rest;

/// <summary>A link to one file of a snapshot, with its size and SHA-256.</summary>
public sealed record SnapshotLink(string Url, long Bytes, string Sha256);
