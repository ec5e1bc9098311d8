namespace OpenHealthData.Api.Serving;

/// <summary>Configuration section "PersistedQueries".</summary>
public sealed class PersistedQueryOptions
{
    /// <summary>
    /// Trusted-documents mode: the path of a manifest (Apollo's persisted-query manifest, or a JSON object of
    /// sha256 → document); when set, only its documents run and nothing is registered. Empty (the default): any
    /// document runs, and clients may register theirs with automatic persisted queries.
    /// </summary>
    public string TrustedDocuments { get; set; } = "";

    /// <summary>Memory for automatically persisted documents, in characters of their texts.</summary>
    public long MaxRegisteredChars { get; set; } = 4_000_000;
}
