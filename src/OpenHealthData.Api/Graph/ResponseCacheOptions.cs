
namespace OpenHealthData.Api.Graph;

/// <summary>Configuration section "ResponseCache".</summary>
public sealed class ResponseCacheOptions
{
    /// <summary>Memory for cached answers; 0 turns the cache off.</summary>
    public long MaxBytes { get; set; } = 64 * 1024 * 1024;
    /// <summary>Larger answers are not cached.</summary>
    public int MaxEntryBytes { get; set; } = 1024 * 1024;
}
