using System.Text.Json;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.GraphQL;

/// <summary>A validation error points at the line and column of the field it is about, not at 1:1.</summary>
[Collection(ApiCollection.Name)]
public sealed class ErrorLocationTests(ApiFactory api)
{
    [Fact]
    public async Task A_validation_error_names_the_real_line_and_column()
    {
        var response = await api.PostGraphQLAsync("{\n  regions {\n    nodes { code\n      nope }\n  }\n}");
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.GetProperty("extensions").GetProperty("code").GetString());
        var location = error.GetProperty("locations")[0];
        Assert.Equal(4, location.GetProperty("line").GetInt32());
        Assert.Equal(7, location.GetProperty("column").GetInt32());
    }
}
