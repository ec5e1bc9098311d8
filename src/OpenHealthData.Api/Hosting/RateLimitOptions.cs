namespace OpenHealthData.Api.Hosting;

/// <summary>Per-client-IP rate limit. Configuration section "RateLimiting".</summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Requests a client IP may make per window.</summary>
    public int PermitLimit { get; set; } = 600;
    public int WindowSeconds { get; set; } = 60;
    /// <summary>
    /// Cost-aware limit: a GraphQL query costs one request more for every this much of its complexity (the
    /// Limits:MaxComplexity measure), as GitHub's API charges points; 0 counts every request as one.
    /// </summary>
    public int ComplexityPerRequest { get; set; } = 1000;
}
