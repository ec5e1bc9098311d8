using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using OpenHealthData.Api.Serving;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Serving;

/// <summary>
/// RFC 9110 where ASP.NET's defaults or our own code got it wrong: Host never reaches a page; If-None-Match: * only
/// for a success; Range only in bytes and If-Range only with a matching validator; HEAD wherever GET; an error body
/// for every error (problem+json, or the explorer's page for a browser). Over a real socket (HEAD has no body there).
/// </summary>
[Collection(KestrelCollection.Name)]
public sealed class HttpRfcTests(KestrelApiFactory api)
{
    private HttpClient Http => api.SocketClient();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, params string[] headers)
    {
        var request = new HttpRequestMessage(method, path);
        for (var i = 0; i + 1 < headers.Length; i += 2) request.Headers.TryAddWithoutValidation(headers[i], headers[i + 1]);
        return await Http.SendAsync(request);
    }

    [Fact]
    public async Task A_poisoned_Host_header_never_reaches_the_citation_links()
    {
        using var response = await SendAsync(HttpMethod.Get, "/explore?q=" + Uri.EscapeDataString("结核"), "Host", "evil.example:666", "X-Forwarded-Host", "evil2.example");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"citation-link\"", html);
        Assert.DoesNotContain("evil", html);
        Assert.Contains("<a href=\"/explore/sources/", html[html.IndexOf("citation-link", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void Citation_links_use_the_configured_public_base_url()
    {
        PublicBaseUrl Base(string? value) => new(new ConfigurationBuilder().AddInMemoryCollection([new(PublicBaseUrl.Key, value)]).Build());
        Assert.Equal("https://data.example.org/explore/sources/x#fig-1", Base("https://data.example.org/").Absolute("/explore/sources/x#fig-1"));
        Assert.Equal("https://example.org/ohd/explore", Base("https://example.org/ohd").Absolute("/explore"));
        Assert.Equal("/explore", Base(null).Absolute("/explore"));
        Assert.Throws<InvalidOperationException>(() => Base("data.example.org"));
        Assert.Throws<InvalidOperationException>(() => Base("ftp://data.example.org"));
    }

    [Theory]
    [InlineData("GET", "/api/v1/regions/999999", 404)]
    [InlineData("GET", "/api/v1/observations?year=abc", 400)]
    [InlineData("PUT", "/graphql", 405)]
    [InlineData("GET", "/graphql", 400)]
    [InlineData("GET", "/nope", 404)]
    public async Task If_None_Match_star_does_not_turn_an_error_into_304(string method, string path, int status)
    {
        using var response = await SendAsync(new HttpMethod(method), path, "If-None-Match", "*");
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/api/v1/regions/330382")]
    [InlineData("/graphql?query=%7B%20regions(first%3A%201)%20%7B%20totalCount%20%7D%20%7D")]
    public async Task If_None_Match_star_is_a_304_for_a_success(string path)
    {
        using (var first = await SendAsync(HttpMethod.Get, path)) Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var response = await SendAsync(HttpMethod.Get, path, "If-None-Match", "*");
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData("items=0-10", null, 200)]
    [InlineData("bytes=0-10", null, 206)]
    [InlineData("bytes=0-10", "garbage", 200)]
    [InlineData("bytes=0-10", "\"not-its-tag\"", 200)]
    [InlineData("bytes=0-10", "W/\"weak\"", 200)]
    [InlineData("bytes=0-10", "ETAG", 206)]
    public async Task Ranges_only_in_bytes_and_If_Range_only_with_its_validator(string range, string? ifRange, int status)
    {
        const string file = "/explore.css";
        using var whole = await SendAsync(HttpMethod.Get, file);
        var length = (await whole.Content.ReadAsByteArrayAsync()).Length;
        var headers = new List<string> { "Range", range };
        if (ifRange is not null) headers.AddRange(["If-Range", ifRange == "ETAG" ? whole.Headers.ETag!.ToString() : ifRange]);
        using var response = await SendAsync(HttpMethod.Get, file, [.. headers]);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(status == 206 ? 11 : length, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task A_snapshot_file_takes_bytes_ranges_only()
    {
        using var redirect = await SendAsync(HttpMethod.Get, "/api/v1/snapshots/latest/regions.csv");
        var file = redirect.Headers.Location!.ToString();
        using var items = await SendAsync(HttpMethod.Get, file, "Range", "items=0-10");
        Assert.Equal(HttpStatusCode.OK, items.StatusCode);
        using var bytes = await SendAsync(HttpMethod.Get, file, "Range", "bytes=0-10");
        Assert.Equal(HttpStatusCode.PartialContent, bytes.StatusCode);
        using var garbage = await SendAsync(HttpMethod.Get, file, "Range", "bytes=0-10", "If-Range", "garbage");
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/")]
    [InlineData("/explore")]
    [InlineData("/explore/regions/330382")]
    [InlineData("/api/v1/regions/330382")]
    [InlineData("/api/v1/snapshots")]
    [InlineData("/graphql?query=%7B%20regions(first%3A%201)%20%7B%20totalCount%20%7D%20%7D")]
    [InlineData("/explore.css")]
    [InlineData("/nope")]
    public async Task HEAD_answers_wherever_GET_does_without_a_body(string path)
    {
        using var get = await SendAsync(HttpMethod.Get, path);
        using var head = await SendAsync(HttpMethod.Head, path);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("GET", "/nope", null, 404, "application/problem+json")]
    [InlineData("GET", "/nope", "text/html", 404, "text/html")]
    [InlineData("GET", "/explore/nope/deeper", "text/html,application/xhtml+xml,*/*;q=0.8", 404, "text/html")]
    [InlineData("GET", "/api/v1/nope", "text/html", 404, "application/problem+json")]
    [InlineData("GET", "/api/v1/nope", "text/plain", 404, "application/problem+json")]
    [InlineData("PUT", "/graphql", "text/html", 405, "application/problem+json")]
    [InlineData("DELETE", "/api/v1/regions/330382", null, 405, "application/problem+json")]
    [InlineData("POST", "/explore", "text/html", 405, "text/html")]
    [InlineData("POST", "/explore", null, 405, "application/problem+json")]
    public async Task Every_error_has_a_body_problem_json_or_the_explorers_page(string method, string path, string? accept, int status, string type)
    {
        using var response = await SendAsync(new HttpMethod(method), path, accept is null ? [] : ["Accept", accept]);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        if (type == "text/html")
        {
            Assert.Contains("<html", body);
            Assert.Contains("href=\"/explore", body); // the explorer's own page, with its way back
            Assert.Contains(path, body);
        }
        else
        {
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal(status, problem.GetProperty("status").GetInt32());
            Assert.Contains(path, problem.GetProperty("detail").GetString());
        }
        if (status == 405) Assert.True(response.Content.Headers.Allow.Count > 0 || response.Headers.Contains("Allow"), "405 names what is allowed");
    }
}
