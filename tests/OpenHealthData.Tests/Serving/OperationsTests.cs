using System.Net;
using System.Text.Json;
using OpenHealthData.Api.Serving;

namespace OpenHealthData.Tests.Serving;

/// <summary>Readiness, request ids and the request log.</summary>
public sealed class OperationsTests(NoResponseCacheFactory api) : IClassFixture<NoResponseCacheFactory>
{
    [Fact]
    public async Task Readyz_checks_database_and_snapshots_and_is_never_cached()
    {
        using var response = await api.CreateClient().GetAsync("/readyz");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", json.GetProperty("status").GetString());
        Assert.Equal("ok", json.GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal("ok", json.GetProperty("checks").GetProperty("snapshots").GetString());
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task Every_request_is_logged_with_request_id_status_duration_and_the_query_hash()
    {
        const string query = "{ metric(code: \"physicians_per_1000\") { nameEn } }";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        request.Headers.Add("X-Request-Id", "nginx-7f3a9c");
        using var response = await api.CreateClient().SendAsync(request);

        Assert.Equal("nginx-7f3a9c", response.Headers.GetValues("X-Request-Id").Single());
        var line = api.Logs.Entries.Select(e => e.Message).Last(m => m.StartsWith("nginx-7f3a9c ", StringComparison.Ordinal));
        Assert.Matches($@"^nginx-7f3a9c GET /graphql 200 [0-9.]+ ms \S+ {PersistedQueries.Sha256(query)}$", line);
    }

    [Fact]
    public async Task A_request_id_that_is_not_one_is_replaced_by_the_servers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/regions/330382");
        request.Headers.TryAddWithoutValidation("X-Request-Id", "<script> and a very long story " + new string('x', 80));
        using var response = await api.CreateClient().SendAsync(request);
        var id = response.Headers.GetValues("X-Request-Id").Single();
        Assert.DoesNotContain("<", id);
        Assert.Contains(api.Logs.Entries, e => e.Message.StartsWith(id + " GET /api/v1/regions/330382 200 ", StringComparison.Ordinal));
    }
}
