namespace OpenHealthData.Api.Serving;

/// <summary>The document a request runs, with its sha256 (for logs), or the reason it cannot run.</summary>
public sealed record PersistedQueryResult(string? Query, string? Hash, string? ErrorCode = null, string? ErrorMessage = null)
{
    public static PersistedQueryResult Error(string code, string message) => new(null, null, code, message);
}
