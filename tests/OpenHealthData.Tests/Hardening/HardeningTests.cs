using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenHealthData.Api.Domain;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Hardening;

[Collection(ApiCollection.Name)]
public sealed class HeaderTests(ApiFactory api)
{
    [Fact]
    public async Task Every_answer_has_nosniff_and_html_pages_have_a_csp()
    {
        var json = await api.CreateClient().GetAsync("/healthz");
        Assert.Equal("nosniff", json.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(json.Headers.Contains("Content-Security-Policy"));

        var ide = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        ide.Headers.Add("Accept", "text/html");
        var page = await api.CreateClient().SendAsync(ide);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());

        var swagger = await api.CreateClient().GetAsync("/swagger/index.html");
        Assert.Contains("default-src 'self'", swagger.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Cors_is_open_for_get_and_post()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", "https://newsroom.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        var response = await api.CreateClient().SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());

        var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/regions/330382");
        get.Headers.Add("Origin", "https://app.example");
        Assert.Equal("*", (await api.CreateClient().SendAsync(get)).Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}

public sealed class RateLimitTests
{
    private sealed class LimitedApi : ApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("RateLimiting:Enabled", "true"), new("RateLimiting:PermitLimit", "5"), new("RateLimiting:WindowSeconds", "60")];
    }

    [Fact]
    public async Task A_client_over_the_limit_gets_429_with_retry_after()
    {
        using var api = new LimitedApi();
        var client = api.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/regions/330382")).StatusCode);

        var refused = await client.GetAsync("/api/v1/regions/330382");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("5 requests in 60 s", await refused.Content.ReadAsStringAsync());
    }
}

[Collection(SerialCollection.Name)]
public sealed class FaultTests
{
    /// <summary>A fault no client causes: the region tree fails. The answer must say nothing about it.</summary>
    private sealed class FaultyApi(string environment) : ApiFactory
    {
        protected override string Environment => environment;
        protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<RegionTree, ExplodingRegionTree>();
    }

    private sealed class ExplodingRegionTree(OpenHealthData.Api.Querying.ListQueries lists) : RegionTree(lists)
    {
        public override IReadOnlyCollection<string> SelfAndDescendants(string code) =>
            throw new InvalidOperationException("secret at /work/main/x.cs: SELECT * FROM Regions");
    }

    private static readonly string[] Leaks = ["secret", "/work/", "SELECT", "InvalidOperationException", "   at ", "StackTrace"];

    /// <summary>In Development too: the API's own exception handler answers before the developer exception page could.</summary>
    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task Server_errors_are_logged_but_never_shown(string environment)
    {
        using var api = new FaultyApi(environment);

        var rest = await api.CreateClient().GetAsync("/api/v1/observations?withinRegion=140000");
        Assert.Equal(HttpStatusCode.InternalServerError, rest.StatusCode);
        Assert.Equal("application/problem+json", rest.Content.Headers.ContentType!.MediaType);
        var restBody = await rest.Content.ReadAsStringAsync();

        using var graph = await api.PostGraphQLAsync("{ observations(withinRegion: \"140000\") { totalCount } }");
        var graphBody = await graph.Content.ReadAsStringAsync();
        Assert.Equal("INTERNAL_SERVER_ERROR", JsonDocument.Parse(graphBody).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

        foreach (var leak in Leaks)
        {
            Assert.DoesNotContain(leak, restBody);
            Assert.DoesNotContain(leak, graphBody);
        }
        Assert.Contains(api.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("secret"));
    }

    private sealed class SeedApi(string seed) : ApiFactory
    {
        protected override string SeedDirectory => seed;
    }

    [Fact]
    public async Task Invalid_seed_data_and_no_database_stop_the_start_with_a_clear_message()
    {
        using var seed = new TestSeed();
        seed.Write("observations/test.jsonl", TestSeed.With(TestSeed.ObservationA, "year", 1999));
        using var api = new SeedApi(seed.Directory);

        Assert.ThrowsAny<Exception>(() => api.CreateClient());

        var fatal = Assert.Single(api.Logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Contains("Cannot start: the seed data", fatal.Message);
        Assert.Contains("observations/test.jsonl:1 record 't-001' field 'year': 1999 is out of range", fatal.Message);
        Assert.False(File.Exists(api.DatabasePath));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_corrupt_database_file_is_rebuilt_at_start()
    {
        using var seed = new TestSeed();
        using var api = new SeedApi(seed.Directory);
        Directory.CreateDirectory(Path.GetDirectoryName(api.DatabasePath)!);
        await File.WriteAllTextAsync(api.DatabasePath, "SQLite format 3\0 but not really");

        var health = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/healthz")).RootElement;

        Assert.Equal(2, health.GetProperty("counts").GetProperty("observations").GetInt32());
        Assert.Contains(api.Logs.Entries, e => e.Message.Contains("is unreadable; building from"));
    }

    [Fact]
    public async Task Cancelled_requests_release_their_resources()
    {
        using var api = new ApiFactory();
        var client = api.CreateClient();
        await client.GetAsync("/healthz");
        const string query = "{ observations(first: 500) { totalCount nodes { quote metric { nameEn } region { nameEn } source { title } } } }";
        var body = JsonSerializer.Serialize(new { query });
        for (var i = 0; i < 5; i++) await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        GC.Collect(); GC.WaitForPendingFinalizers();
        var before = OpenFiles();

        for (var i = 0; i < 40; i++)
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(i % 8));
            try { await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"), cancel.Token); }
            catch (OperationCanceledException) { }
        }
        await Task.Delay(200);
        GC.Collect(); GC.WaitForPendingFinalizers();

        Assert.InRange(OpenFiles(), 0, before + 5);
        var after = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.DoesNotContain(api.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_client_that_leaves_in_the_middle_of_its_body_is_not_a_server_error()
    {
        using var api = new KestrelApiFactory();
        var address = api.SocketClient().BaseAddress!;
        for (var i = 0; i < 10; i++)
        {
            using var socket = new System.Net.Sockets.TcpClient();
            await socket.ConnectAsync(address.Host, address.Port);
            var stream = socket.GetStream();
            var head = $"POST /graphql HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "{\"query\": \"{ regions { tot"));
            await stream.FlushAsync();
            await Task.Delay(20);
        } // closed with 4,970 bytes of the body missing
        await Task.Delay(300);
        Assert.Equal(HttpStatusCode.OK, (await api.SocketClient().GetAsync("/healthz")).StatusCode);
        Assert.DoesNotContain(api.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    private static int OpenFiles() => Directory.GetFiles("/proc/self/fd").Length;
}
