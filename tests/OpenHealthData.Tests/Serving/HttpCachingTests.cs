using System.IO.Compression;
using System.Net;
using System.Text.Json;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Serving;

/// <summary>Cache-Control, ETag, Vary and 304 on GET /graphql and the REST lookups; no-store on errors and POST; compression.</summary>
public sealed class HttpCachingTests(NoResponseCacheFactory api) : IClassFixture<NoResponseCacheFactory>
{
    private const string Query = "{ region(code: \"330382\") { nameEn parent { nameEn } } }";
    private static string GraphQLUrl(string query) => "/graphql?query=" + Uri.EscapeDataString(query);

    private async Task<HttpResponseMessage> GetAsync(string url, string? ifNoneMatch = null, string? acceptEncoding = null, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await api.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task A_successful_get_is_public_for_the_configured_time_with_a_strong_etag_of_seed_version_and_request()
    {
        using var response = await GetAsync(GraphQLUrl(Query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Yueqing", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(42), response.Headers.CacheControl.MaxAge);
        var etag = response.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.StartsWith($"\"{SeedHash.Compute(RepoPaths.SeedData)}-", etag.Tag);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);

        using var again = await GetAsync(GraphQLUrl(Query));
        Assert.Equal(etag, again.Headers.ETag);
        using var other = await GetAsync(GraphQLUrl(Query.Replace("330382", "140823")));
        Assert.NotEqual(etag, other.Headers.ETag);
        using var otherType = await GetAsync(GraphQLUrl(Query), accept: "application/graphql-response+json");
        Assert.NotEqual(etag, otherType.Headers.ETag);
        using var otherEncoding = await GetAsync(GraphQLUrl(Query), acceptEncoding: "gzip");
        Assert.NotEqual(etag, otherEncoding.Headers.ETag);
    }

    [Fact]
    public async Task If_none_match_is_a_304_without_running_the_query()
    {
        var query = GraphQLUrl("{ observations(first: 3, where: { region: { code: { eq: \"330382\" } } }) { totalCount nodes { value } } }");
        using var first = await GetAsync(query);
        var etag = first.Headers.ETag!.Tag;
        api.Statements.Reset();

        using var revalidated = await GetAsync(query, ifNoneMatch: etag);
        using var weak = await GetAsync(query, ifNoneMatch: "W/" + etag); // If-None-Match compares weakly
        using var listed = await GetAsync(query, ifNoneMatch: $"\"other\", {etag}");

        foreach (var response in new[] { revalidated, weak, listed })
        {
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Equal(etag, response.Headers.ETag!.Tag);
            Assert.Equal(TimeSpan.FromSeconds(42), response.Headers.CacheControl!.MaxAge);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(0, api.Statements.Count); // the response cache is off here: a run would have sent SQL

        using var stale = await GetAsync(query, ifNoneMatch: "\"an-old-seed-version\"");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.True(api.Statements.Count > 0);
    }

    [Theory]
    [InlineData("{ nope }")] // validation error, 200 with application/json
    [InlineData("{ region(code: ")] // syntax error
    [InlineData("mutation { x }")] // 405
    public async Task Errors_are_not_stored(string query)
    {
        using var response = await GetAsync(GraphQLUrl(query));
        Assert.True(response.Headers.CacheControl!.NoStore, $"{(int)response.StatusCode}: Cache-Control {response.Headers.CacheControl}");
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task A_partial_result_with_errors_is_not_stored()
    {
        using var response = await GetAsync(GraphQLUrl("{ observations(first: 1, after: \"not-a-cursor\") { totalCount } region(code: \"330382\") { nameEn } }"));
        Assert.Contains("\"errors\"", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task Post_answers_are_no_store()
    {
        using var response = await api.PostGraphQLAsync(Query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Null(response.Headers.ETag);
    }

    [Theory]
    [InlineData("/api/v1/regions/330382")]
    [InlineData("/api/v1/metrics/physicians_per_1000")]
    [InlineData("/api/v1/observations?region=330382&year=2023&first=5")]
    [InlineData("/api/v1/snapshots")]
    public async Task Rest_lookups_are_cacheable_and_revalidate_with_304(string url)
    {
        using var response = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(42), response.Headers.CacheControl!.MaxAge);
        var etag = response.Headers.ETag!.Tag;
        api.Statements.Reset();

        using var revalidated = await GetAsync(url, ifNoneMatch: etag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(0, api.Statements.Count);
    }

    [Fact]
    public async Task A_rest_404_is_not_stored()
    {
        using var response = await GetAsync("/api/v1/regions/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Null(response.Headers.ETag);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task GraphQL_and_rest_json_are_compressed_when_asked(string encoding)
    {
        foreach (var url in new[] { GraphQLUrl(Query), "/api/v1/observations?region=330382&first=20" })
        {
            using var response = await GetAsync(url, acceptEncoding: encoding);
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
            await using var compressed = await response.Content.ReadAsStreamAsync();
            await using Stream plain = encoding == "br" ? new BrotliStream(compressed, CompressionMode.Decompress) : new GZipStream(compressed, CompressionMode.Decompress);
            var json = await JsonDocument.ParseAsync(plain);
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        }
        using var post = await api.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = Query }), System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "Accept-Encoding", encoding } },
        });
        Assert.Equal(encoding, Assert.Single(post.Content.Headers.ContentEncoding));
    }
}
