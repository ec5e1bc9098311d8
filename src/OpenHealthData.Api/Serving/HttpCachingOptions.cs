namespace OpenHealthData.Api.Serving;

/// <summary>Configuration section "HttpCaching": how long browsers, CDNs and proxies may keep a successful GET answer.</summary>
public sealed class HttpCachingOptions
{
    /// <summary>
    /// Freshness of successful GET /graphql and REST lookup answers. The data cannot change while a seed version is
    /// served; this bounds how long a cache may show the previous version's answer after a new one is deployed.
    /// </summary>
    public int MaxAgeSeconds { get; set; } = 600;
}
