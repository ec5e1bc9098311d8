using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace OpenHealthData.Tests.Support;

/// <summary>The API on a real Kestrel socket on 127.0.0.1, so that the server's own limits (headers, URL length) apply.</summary>
public sealed class KestrelApiFactory : ApiFactory
{
    private readonly string _environment = "Production";

    public KestrelApiFactory() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    /// <summary>The same in another hosting environment ("Development", as `dotnet run` starts it).</summary>
    public static KestrelApiFactory In(string environment) => new(environment);

    private KestrelApiFactory(string environment) : this() => _environment = environment;

    protected override string Environment => _environment;

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
