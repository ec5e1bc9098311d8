using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace OpenHealthData.Tests.Support;

/// <summary>The API on a real Kestrel socket on 127.0.0.1, so that the server's own limits (headers, URL length) apply.</summary>
public sealed class KestrelApiFactory : ApiFactory
{
    public KestrelApiFactory() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    private HttpClient? _client;

    /// <summary>A plain socket client of the started server; redirects are not followed.</summary>
    public HttpClient SocketClient()
    {
        if (_client is not null) return _client;
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
    }
}

[CollectionDefinition(Name)]
public sealed class KestrelCollection : ICollectionFixture<KestrelApiFactory>
{
    public const string Name = "kestrel";
}
