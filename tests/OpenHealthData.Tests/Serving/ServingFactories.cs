using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Serving;

/// <summary>Response cache off (every request that is not answered 304 runs), a short max-age, request logs on.</summary>
public sealed class NoResponseCacheFactory : ApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("ResponseCache:MaxBytes", "0"), new("HttpCaching:MaxAgeSeconds", "42"), new("RequestLogging:Enabled", "true")];
}

/// <summary>The API on a real socket on 127.0.0.1 with rate limiting on (3 requests a minute per client) and request logs.</summary>
public abstract class RateLimitedKestrelFactory : ApiFactory
{
    protected RateLimitedKestrelFactory() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    protected virtual IEnumerable<KeyValuePair<string, string>> ProxySettings => [];

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("RateLimiting:Enabled", "true"), new("RateLimiting:PermitLimit", "3"), new("RequestLogging:Enabled", "true"), .. ProxySettings];

    private HttpClient? _client;

    public HttpClient SocketClient()
    {
        if (_client is not null) return _client;
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return _client = new HttpClient { BaseAddress = new Uri(address) };
    }
}

/// <summary>No proxy configured: the default.</summary>
public sealed class NoTrustedProxyFactory : RateLimitedKestrelFactory;

/// <summary>127.0.0.1 is a trusted proxy (the tests' client plays nginx).</summary>
public sealed class LoopbackProxyFactory : RateLimitedKestrelFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ProxySettings => [new("ForwardedHeaders:KnownProxies:0", "127.0.0.1")];
}
