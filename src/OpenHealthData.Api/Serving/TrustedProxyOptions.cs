namespace OpenHealthData.Api.Serving;

/// <summary>
/// Configuration section "ForwardedHeaders": the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed.
/// Empty by default, so that no client can choose the address that rate limiting and logs see.
/// </summary>
public sealed class TrustedProxyOptions
{
    /// <summary>Addresses of trusted proxies, e.g. 10.0.0.5.</summary>
    public List<string> KnownProxies { get; set; } = [];
    /// <summary>Networks of trusted proxies in CIDR notation, e.g. 10.0.0.0/8.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
