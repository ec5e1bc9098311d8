using System.Net;
using OpenHealthData.Api.Serving;

namespace OpenHealthData.Tests.Serving;

/// <summary>X-Forwarded-For decides the client address only on connections from configured proxies.</summary>
public sealed class TrustedProxyTests
{
    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string path, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static string? LoggedClient(IEnumerable<(Microsoft.Extensions.Logging.LogLevel, string Message)> logs, string path) =>
        logs.Select(l => l.Message).LastOrDefault(m => m.Contains($" GET {path} ", StringComparison.Ordinal))?.Split(' ')[6];

    public sealed class ByDefault(NoTrustedProxyFactory api) : IClassFixture<NoTrustedProxyFactory>
    {
        [Fact]
        public async Task Forwarded_headers_are_ignored_so_a_client_cannot_escape_its_rate_limit_or_hide_in_the_logs()
        {
            var client = api.SocketClient();
            var statuses = new List<HttpStatusCode>();
            foreach (var address in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4" })
                statuses.Add(await GetAsync(client, "/api/v1/regions/330382", address));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
            Assert.Equal("127.0.0.1", LoggedClient(api.Logs.Entries, "/api/v1/regions/330382"));
        }

        [Fact]
        public async Task Probes_are_not_rate_limited()
        {
            var client = api.SocketClient();
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "/healthz", null));
                Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "/readyz", null));
            }
        }
    }

    public sealed class FromAConfiguredProxy(LoopbackProxyFactory api) : IClassFixture<LoopbackProxyFactory>
    {
        [Fact]
        public async Task Each_forwarded_client_has_its_own_limit_and_is_the_address_logged()
        {
            var client = api.SocketClient();
            foreach (var address in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4" })
                Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "/api/v1/metrics/physicians_per_1000", address));
            Assert.Equal("198.51.100.4", LoggedClient(api.Logs.Entries, "/api/v1/metrics/physicians_per_1000"));

            // The proxy appends the address it saw; what a client wrote before it is not believed.
            var statuses = new List<HttpStatusCode>();
            foreach (var spoofed in new[] { "10.9.9.1", "10.9.9.2", "10.9.9.3" })
                statuses.Add(await GetAsync(client, "/api/v1/metrics/physicians_per_1000", $"{spoofed}, 198.51.100.1"));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        }
    }

    [Fact]
    public void A_proxy_that_is_not_an_address_stops_the_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            OpenHealthData.Api.Hosting.ApiHost.BuildApp(["--ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "--urls", "http://127.0.0.1:0"]));
        Assert.Contains("ForwardedHeaders:KnownNetworks", error.Message);
        Assert.Contains(TrustedProxies.Section, error.Message);
    }
}
