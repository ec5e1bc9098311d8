using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenHealthData.Api.Graph;
using OpenHealthData.Api.Hosting;

namespace OpenHealthData.Tests.Serving;

/// <summary>
/// A document from the document cache whose operation has no variables is not validated again
/// (<see cref="ValidatedOperations"/>), but it is charged to the rate limit by its complexity every time.
/// </summary>
public sealed class CachedQueryCostTests(CostLimitedFactory api) : IClassFixture<CostLimitedFactory>
{
    [Fact]
    public async Task A_cached_query_is_charged_its_complexity_every_time()
    {
        // Complexity about 500: six requests' worth of the ten a minute. Variables the operation does not declare make
        // each body new to the response cache; the document is the same.
        const string query = "{ observations(first: 250) { nodes { value unit } } }";
        using var first = await api.PostGraphQLAsync(query, new { attempt = 1 });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(api.Services.GetRequiredService<DocumentCache>().Get(query));

        using var again = await api.PostGraphQLAsync(query, new { attempt = 2 });
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        var error = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal("RATE_LIMITED", error.GetProperty("extensions").GetProperty("code").GetString());
    }
}
