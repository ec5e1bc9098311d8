using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Serving;

/// <summary>The API on a socket, trusting 127.0.0.1 (nginx) for X-Forwarded-For, with request logs.</summary>
public sealed class BehindNginxFactory : ApiFactory
{
    public BehindNginxFactory() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("ForwardedHeaders:KnownProxies:0", "127.0.0.1"), new("RequestLogging:Enabled", "true")];

    public int Port()
    {
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
    }
}

/// <summary>
/// deploy/nginx.conf in front of the API, run by Debian's nginx (tests/setup.sh installs it) through
/// deploy/nginx-local.sh: nginx keeps what the API says may be kept, and nothing else.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class NginxConfTests(BehindNginxFactory api) : IClassFixture<BehindNginxFactory>, IDisposable
{
    private readonly TempFolder _folder = RepoPaths.NewTempFolder();
    private Process? _nginx;

    private async Task<HttpClient> StartNginxAsync()
    {
        Skip.If(!File.Exists("/usr/sbin/nginx") && !File.Exists("/usr/bin/nginx"), "nginx is not installed (bash tests/setup.sh installs it)");
        var port = ApiProcess.FreePort();
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { Path.Combine(RepoPaths.Root, "deploy", "nginx-local.sh"), _folder.Path, port.ToString(), api.Port().ToString() })
            start.ArgumentList.Add(a);
        _nginx = Process.Start(start)!;
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        for (var deadline = DateTime.UtcNow.AddSeconds(30); ; await Task.Delay(100))
        {
            try { if ((await client.GetAsync("/readyz")).IsSuccessStatusCode) return client; }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_nginx.HasExited) { }
            Assert.False(_nginx.HasExited, "nginx exited: " + await _nginx.StandardError.ReadToEndAsync());
            Assert.True(DateTime.UtcNow < deadline, "nginx did not answer within 30 s");
        }
    }

    private static async Task<(HttpStatusCode Status, string Cache, HttpResponseMessage Response)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        return (response.StatusCode, response.Headers.TryGetValues("X-Cache-Status", out var v) ? v.Single() : "", response);
    }

    private static HttpRequestMessage Get(string url, string? encoding = null, string? ifNoneMatch = null, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (encoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        if (forwardedFor is not null) request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        return request;
    }

    [SkippableFact]
    public async Task Nginx_keeps_successful_gets_per_encoding_revalidates_and_never_keeps_errors_or_posts()
    {
        var client = await StartNginxAsync();
        var url = "/graphql?query=" + Uri.EscapeDataString($"# {Guid.NewGuid()}\n{{ region(code: \"330382\") {{ nameEn }} }}");

        var first = await SendAsync(client, Get(url));
        Assert.Equal((HttpStatusCode.OK, "MISS"), (first.Status, first.Cache));
        Assert.Contains("Accept-Encoding", first.Response.Headers.Vary); // passed on to caches further out
        Assert.Equal("HIT", (await SendAsync(client, Get(url))).Cache);
        Assert.Equal("MISS", (await SendAsync(client, Get(url, "gzip"))).Cache); // another encoding, another entry
        var gzip = await SendAsync(client, Get(url, "deflate, gzip;q=0.8"));     // the same encoding, spelt otherwise
        Assert.Equal(("HIT", "gzip"), (gzip.Cache, gzip.Response.Content.Headers.ContentEncoding.Single()));

        var etag = first.Response.Headers.ETag!.Tag;
        var revalidated = await SendAsync(client, Get(url, ifNoneMatch: etag));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.Status);

        var error = "/graphql?query=" + Uri.EscapeDataString($"{{ nope{Guid.NewGuid():N} }}");
        Assert.Equal("MISS", (await SendAsync(client, Get(error))).Cache);
        Assert.Equal("MISS", (await SendAsync(client, Get(error))).Cache);

        for (var i = 0; i < 2; i++)
        {
            var post = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent("{\"query\": \"{ regions { totalCount } }\"}", Encoding.UTF8, "application/json"),
            };
            var answer = await SendAsync(client, post);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.NotEqual("HIT", answer.Cache);
        }
    }

    [SkippableFact]
    public async Task The_api_sees_the_address_nginx_saw_not_the_one_a_client_wrote()
    {
        var client = await StartNginxAsync();
        var url = $"/api/v1/regions/330382?x={Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, Get(url, forwardedFor: "203.0.113.9"))).Status);

        var line = api.Logs.Entries.Select(e => e.Message).Last(m => m.Contains($" GET /api/v1/regions/330382 ", StringComparison.Ordinal));
        Assert.Equal("127.0.0.1", line.Split(' ')[6]);
        Assert.DoesNotContain("203.0.113.9", line);
    }

    [SkippableFact]
    public async Task A_poisoned_Host_never_reaches_another_clients_answer()
    {
        var client = await StartNginxAsync();
        foreach (var url in new[]
        {
            $"/explore?q={Uri.EscapeDataString("结核")}&x={Guid.NewGuid():N}",
            "/graphql?query=" + Uri.EscapeDataString($"# {Guid.NewGuid()}\n{{ region(code: \"330382\") {{ nameEn }} }}"),
            $"/api/v1/regions/330382?x={Guid.NewGuid():N}",
        })
        {
            var poisoned = Get(url);
            poisoned.Headers.Host = "evil.example";
            poisoned.Headers.TryAddWithoutValidation("X-Forwarded-Host", "evil2.example");
            var attack = await SendAsync(client, poisoned);
            Assert.Equal(HttpStatusCode.OK, attack.Status);
            Assert.DoesNotContain("evil", await attack.Response.Content.ReadAsStringAsync()); // the API never writes Host into an answer

            for (var i = 0; i < 2; i++) // the second from nginx's cache where the API allows it
            {
                var normal = await SendAsync(client, Get(url));
                Assert.Equal(HttpStatusCode.OK, normal.Status);
                Assert.DoesNotContain("evil", await normal.Response.Content.ReadAsStringAsync());
            }
        }
    }

    public void Dispose()
    {
        if (_nginx is { HasExited: false })
        {
            using (var quit = Process.Start("kill", ["-QUIT", _nginx.Id.ToString()])) quit.WaitForExit();
            if (!_nginx.WaitForExit(10_000)) _nginx.Kill(entireProcessTree: true);
        }
        _nginx?.Dispose();
        _folder.Dispose();
    }
}
