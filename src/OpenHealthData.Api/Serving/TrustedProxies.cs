using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace OpenHealthData.Api.Serving;

/// <summary>
/// The client's address behind a reverse proxy: X-Forwarded-For (its last entry, the address the proxy saw) and
/// X-Forwarded-Proto are applied only on connections from configured proxies. With none configured the middleware
/// is not installed at all (ASP.NET Core's own default would trust loopback, and an empty list would trust anyone).
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static void UseTrustedProxies(this WebApplication app)
    {
        var trusted = app.Services.GetRequiredService<IOptions<TrustedProxyOptions>>().Value;
        if (trusted.KnownProxies.Count == 0 && trusted.KnownNetworks.Count == 0) return;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in trusted.KnownProxies)
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies: '{proxy}' is not an IP address."));
        foreach (var network in trusted.KnownNetworks)
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                : throw new InvalidOperationException($"{Section}:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8)."));
        app.UseForwardedHeaders(options);
    }
}
