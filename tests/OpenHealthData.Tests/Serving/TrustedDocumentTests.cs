using System.Text.Json;
using OpenHealthData.Api.Serving;
using OpenHealthData.Tests.Support;
using static OpenHealthData.Tests.Serving.PersistedQueryTests;

namespace OpenHealthData.Tests.Serving;

/// <summary>The API in trusted-documents mode, with a manifest in Apollo's format holding one query.</summary>
public sealed class TrustedDocumentsFactory : ApiFactory
{
    public const string Trusted = "query Yueqing { region(code: \"330382\") { nameEn } }";
    private readonly TempFolder _manifest = RepoPaths.NewTempFolder();

    protected override IEnumerable<KeyValuePair<string, string>> Settings
    {
        get
        {
            var path = _manifest.File("manifest.json");
            File.WriteAllText(path, JsonSerializer.Serialize(new
            {
                format = "apollo-persisted-query-manifest",
                version = 1,
                operations = new[] { new { id = PersistedQueries.Sha256(Trusted), name = "Yueqing", type = "query", body = Trusted } },
            }));
            return [new("PersistedQueries:TrustedDocuments", path)];
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _manifest.Dispose();
    }
}

public sealed class TrustedDocumentTests(TrustedDocumentsFactory api) : IClassFixture<TrustedDocumentsFactory>
{
    private static string Extensions(string query) =>
        JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = PersistedQueries.Sha256(query) } });

    [Fact]
    public async Task A_manifest_document_runs_by_hash_over_get_and_post_and_by_its_text()
    {
        var client = api.CreateClient();
        const string query = TrustedDocumentsFactory.Trusted;
        Assert.Equal("Yueqing City", RegionName(await GetAsync(client, null, Extensions(query))));
        Assert.Equal("Yueqing City", RegionName(await PostAsync(client, null, Extensions(query))));
        Assert.Equal("Yueqing City", RegionName(await PostAsync(client, query, Extensions(query))));
        Assert.Equal("Yueqing City", (await api.GraphQLAsync(query)).GetProperty("region").GetProperty("nameEn").GetString());
    }

    [Fact]
    public async Task Any_other_document_is_refused_and_cannot_be_registered()
    {
        var client = api.CreateClient();
        const string other = "{ region(code: \"140823\") { nameEn } }";

        using var text = await api.PostGraphQLAsync(other);
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", Code(JsonDocument.Parse(await text.Content.ReadAsStringAsync()).RootElement));
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", Code(await PostAsync(client, other, Extensions(other))));
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(await GetAsync(client, null, Extensions(other))));
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", Code(await GetAsync(client, other, "{}")));
    }
}
