namespace OpenHealthData.Api.Hosting;

/// <summary>Per-client-IP rate limit. Configuration section "RateLimiting".</summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Requests a client IP may make per window.</summary>
    public int PermitLimit { get; set; } = 600;
    public int WindowSeconds { get; set; } = 60;
}
