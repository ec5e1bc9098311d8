using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace OpenHealthData.Tests.Support;

/// <summary>The API on a real socket on 127.0.0.1 over a <see cref="ReviewSeed"/>, in Development (where /review is mapped) unless told otherwise.</summary>
public sealed class ReviewApiFactory : ApiFactory
{
    private readonly string _seed;
    private readonly string _environment;
    private readonly string? _database;

    /// <param name="database">A database to serve (e.g. one `seed` built); by default the factory's own, built on start.</param>
    public ReviewApiFactory(string seed, string environment = "Development", string? database = null)
    {
        (_seed, _environment, _database) = (seed, environment, database);
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    protected override string SeedDirectory => _seed;
    protected override string Environment => _environment;
    protected override IEnumerable<KeyValuePair<string, string>> Settings => _database is null ? [] : [new("Data:DatabasePath", _database)];

    /// <summary>The started server's address.</summary>
    public Uri Address()
    {
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>A client of the socket that keeps cookies (the anti-forgery cookie) and does not follow redirects.</summary>
    public HttpClient SocketClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Address() };
}
