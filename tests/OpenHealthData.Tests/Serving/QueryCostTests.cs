using System.Net;
using System.Text.Json;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Serving;

/// <summary>10 requests a minute, and a query costs one more for every 100 of its complexity.</summary>
public sealed class CostLimitedFactory : ApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("RateLimiting:Enabled", "true"), new("RateLimiting:PermitLimit", "10"), new("RateLimiting:ComplexityPerRequest", "100")];
}

/// <summary>The rate limit weighs GraphQL queries by their complexity, as GitHub's API does.</summary>
public sealed class QueryCostTests(CostLimitedFactory api) : IClassFixture<CostLimitedFactory>
{
    [Fact]
    public async Task Costly_queries_use_up_the_limit_sooner_than_cheap_ones_and_are_told_why()
    {
        using var cheap = await api.PostGraphQLAsync("{ regions(first: 1) { totalCount } }");
        Assert.Equal(HttpStatusCode.OK, cheap.StatusCode);

        // Complexity about 900: ten requests' worth, more than is left. Refused, and charged nothing beyond the request.
        using var tooCostly = await api.PostGraphQLAsync("{ observations(first: 450) { nodes { value unit } } }");
        Assert.Equal(HttpStatusCode.TooManyRequests, tooCostly.StatusCode);
        Assert.InRange(tooCostly.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.True(tooCostly.Headers.CacheControl!.NoStore);
        var error = JsonDocument.Parse(await tooCostly.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal("RATE_LIMITED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("complexity", error.GetProperty("message").GetString());

        // Complexity a few hundred each: three requests' worth. By request count alone all eight left would pass.
        var statuses = new List<HttpStatusCode>();
        for (var first = 100; first < 108 && !statuses.Contains(HttpStatusCode.TooManyRequests); first++)
        {
            using var response = await api.PostGraphQLAsync($"{{ observations(first: {first}) {{ nodes {{ value unit }} }} }}"); // distinct: not from the response cache
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
