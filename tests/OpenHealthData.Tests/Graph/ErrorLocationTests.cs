using System.Text.Json;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Graph;

/// <summary>A validation error points at the offending node: its line and column in the document as sent.</summary>
[Collection(ApiCollection.Name)]
public sealed class ErrorLocationTests(ApiFactory api)
{
    [Theory]
    // an unknown field on line 3, column 5
    [InlineData("{\n  regions {\n    nope\n  }\n}", 3, 5, "nope")]
    // an unknown argument on line 2, column 16
    [InlineData("query Q {\n  observations(nope: 1) { totalCount }\n}", 2, 16, "nope")]
    // an unknown filter field inside an input object: the argument whose value is wrong, line 3, column 5
    [InlineData("{\n  observations(\n    where: {\n      nope: { eq: 1 }\n    }\n  ) { totalCount }\n}", 3, 5, "nope")]
    // a variable of the wrong type: its definition (line 1, column 8) and where it is used (line 1, column 42)
    [InlineData("query ($n: String) { observations(first: $n) { totalCount } }", 1, 42, "$n")]
    public async Task Validation_errors_carry_the_line_and_column_of_the_node(string query, int line, int column, string about)
    {
        // Twice: the second time the document comes from the document cache and must point at the same place.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var response = await api.PostGraphQLAsync(query);
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
            Assert.Contains(about, error.GetProperty("message").GetString());
            Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.GetProperty("extensions").GetProperty("code").GetString());
            var locations = error.GetProperty("locations").EnumerateArray()
                .Select(l => (l.GetProperty("line").GetInt32(), l.GetProperty("column").GetInt32())).ToList();
            Assert.Contains((line, column), locations);
        }
    }

    [Fact]
    public async Task Syntax_errors_carry_the_line_and_column_too()
    {
        using var response = await api.PostGraphQLAsync("{\n  regions {\n    totalCount )\n  }\n}");
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal("GRAPHQL_PARSE_FAILED", error.GetProperty("extensions").GetProperty("code").GetString());
        var location = error.GetProperty("locations")[0];
        Assert.Equal((3, 16), (location.GetProperty("line").GetInt32(), location.GetProperty("column").GetInt32()));
    }
}
