using System.Text.Json;
using System.Text.RegularExpressions;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests;

/// <summary>The README's example queries run and return figures, so the documentation cannot rot.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class ReadmeExamplesTests(ApiFactory api)
{
    [Fact]
    public async Task Every_graphql_example_returns_data()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "README.md"));
        var examples = GraphQLBlock().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        Assert.True(examples.Count >= 3);
        foreach (var query in examples)
        {
            var data = await api.GraphQLAsync(query);
            foreach (var field in data.EnumerateObject())
                Assert.True(CountListItems(field.Value) > 0, $"README example returned no rows for '{field.Name}':\n{query}");
        }
    }

    private static int CountListItems(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Sum(p => CountListItems(p.Value)),
        JsonValueKind.Array => e.GetArrayLength() + e.EnumerateArray().Sum(CountListItems),
        _ => 0,
    };

    [GeneratedRegex("```graphql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphQLBlock();
}
