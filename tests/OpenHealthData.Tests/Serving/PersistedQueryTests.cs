using System.Net;
using System.Text;
using System.Text.Json;
using OpenHealthData.Api.Serving;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Serving;

/// <summary>Automatic persisted queries (Apollo's protocol) over GET and POST.</summary>
[Collection(ApiCollection.Name)]
public sealed class PersistedQueryTests(ApiFactory api)
{
    /// <summary>A query no other test has registered: comments change the text (and hash), not the document.</summary>
    private static string UniqueQuery() => $"# {Guid.NewGuid()}\n{{ region(code: \"330382\") {{ nameEn }} }}";

    private static string Extensions(string hash, int version = 1) =>
        JsonSerializer.Serialize(new { persistedQuery = new { version, sha256Hash = hash } });

    internal static async Task<JsonElement> GetAsync(HttpClient client, string? query, string extensions)
    {
        var url = "/graphql?extensions=" + Uri.EscapeDataString(extensions) + (query is null ? "" : "&query=" + Uri.EscapeDataString(query));
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    internal static async Task<JsonElement> PostAsync(HttpClient client, string? query, string extensions)
    {
        var body = $"{{\"query\": {JsonSerializer.Serialize(query)}, \"extensions\": {extensions}}}";
        using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    internal static string? Code(JsonElement json) =>
        json.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    internal static string? RegionName(JsonElement json) =>
        json.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data.GetProperty("region").GetProperty("nameEn").GetString() : json.ToString();

    [Fact]
    public async Task An_unknown_hash_is_persisted_query_not_found_and_not_stored_by_caches()
    {
        var hash = PersistedQueries.Sha256(UniqueQuery());
        var url = "/graphql?extensions=" + Uri.EscapeDataString(Extensions(hash));
        using var response = await api.CreateClient().GetAsync(url);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(json));
        Assert.Equal("PersistedQueryNotFound", json.GetProperty("errors")[0].GetProperty("message").GetString()); // what Apollo clients match
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(await PostAsync(api.CreateClient(), null, Extensions(hash))));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Hash_and_text_register_the_query_and_the_hash_alone_runs_it_over_get_and_post(string registerWith)
    {
        var client = api.CreateClient();
        var query = UniqueQuery();
        var hash = PersistedQueries.Sha256(query);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(await GetAsync(client, null, Extensions(hash))));

        var registered = registerWith == "GET" ? await GetAsync(client, query, Extensions(hash)) : await PostAsync(client, query, Extensions(hash));
        Assert.Equal("Yueqing City", RegionName(registered));

        Assert.Equal("Yueqing City", RegionName(await GetAsync(client, null, Extensions(hash))));
        Assert.Equal("Yueqing City", RegionName(await PostAsync(client, null, Extensions(hash.ToUpperInvariant()))));
    }

    [Fact]
    public async Task A_hash_that_is_not_the_texts_is_refused_and_registers_nothing()
    {
        var client = api.CreateClient();
        var (query, other) = (UniqueQuery(), UniqueQuery());
        var json = await PostAsync(client, query, Extensions(PersistedQueries.Sha256(other)));
        Assert.Equal("BAD_REQUEST", Code(json));
        Assert.Contains("SHA-256", json.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(await GetAsync(client, null, Extensions(PersistedQueries.Sha256(other)))));
    }

    [Theory]
    [InlineData("{\"persistedQuery\": {\"version\": 2, \"sha256Hash\": \"0000000000000000000000000000000000000000000000000000000000000000\"}}")]
    [InlineData("{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"abc\"}}")]
    [InlineData("{\"persistedQuery\": {\"version\": 1}}")]
    [InlineData("{\"persistedQuery\": \"yes\"}")]
    public async Task A_malformed_persisted_query_is_a_bad_request_naming_the_fields(string extensions)
    {
        var json = await GetAsync(api.CreateClient(), null, extensions);
        Assert.Equal("BAD_REQUEST", Code(json));
        Assert.Contains("sha256Hash", json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Extensions_that_are_not_json_are_a_400()
    {
        using var response = await api.CreateClient().GetAsync("/graphql?query=%7B%20regions%20%7B%20totalCount%20%7D%20%7D&extensions=%7Bnope");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'extensions'", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void A_manifest_entry_whose_hash_is_not_its_documents_stops_the_start()
    {
        using var folder = RepoPaths.NewTempFolder();
        var path = folder.File("manifest.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new Dictionary<string, string> { [new string('a', 64)] = "{ regions { totalCount } }" }));
        var error = Assert.Throws<InvalidOperationException>(() => PersistedQueries.ReadManifest(path));
        Assert.Contains("PersistedQueries:TrustedDocuments", error.Message);
        Assert.Contains(new string('a', 64), error.Message);
    }
}
