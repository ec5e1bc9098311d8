namespace OpenHealthData.Api.Storage;

/// <summary>One file of a snapshot: <c>{Dataset}.{Format}</c>, its size and its SHA-256 (hex), as listed in the manifest.</summary>
public sealed record SnapshotFile(string Dataset, string Format, long Bytes, string Sha256)
{
    public string Name => $"{Dataset}.{Format}";
}
