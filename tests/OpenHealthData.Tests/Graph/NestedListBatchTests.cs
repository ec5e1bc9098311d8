using System.Text.Json;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Graph;

/// <summary>
/// A nested list is read for every parent of its level in one statement, whether the parents come from a page, from a
/// nested list (both answered at once, without GraphQL.NET's data-loader path) or from a table held in memory (through
/// it), and each parent gets its own rows.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class NestedListBatchTests(ApiFactory api)
{
    [Fact]
    public async Task Each_level_of_nested_lists_is_one_statement_and_each_parent_gets_its_own_rows()
    {
        _ = api.Services; // started: start-up's own statements are not the query's
        api.Statements.Reset();
        var data = await api.GraphQLAsync("""
            { regions(first: 40, order: [{ code: ASC }]) { nodes { code
                children(first: 10, order: [{ code: ASC }]) { code parent { code }
                  observations(first: 5, order: [{ year: DESC }]) { id region { code } metric { code observations(first: 2) { id metric { code } } } } } } } }
            """);
        // the page, the children of all its regions, the observations of all those, and of every metric they name
        Assert.Equal(4, api.Statements.Count);

        var regions = data.GetProperty("regions").GetProperty("nodes").EnumerateArray().ToList();
        var children = regions.SelectMany(r => r.GetProperty("children").EnumerateArray().Select(c => (Parent: r, Child: c))).ToList();
        Assert.NotEmpty(children);
        Assert.All(children, x => Assert.Equal(Code(x.Parent), Code(x.Child.GetProperty("parent"))));
        var observations = children.SelectMany(x => x.Child.GetProperty("observations").EnumerateArray().Select(o => (x.Child, Observation: o))).ToList();
        Assert.NotEmpty(observations);
        Assert.All(observations, x => Assert.Equal(Code(x.Child), Code(x.Observation.GetProperty("region"))));
        var ofMetrics = observations.Select(x => x.Observation.GetProperty("metric"))
            .SelectMany(m => m.GetProperty("observations").EnumerateArray().Select(o => (Metric: m, Observation: o))).ToList();
        Assert.NotEmpty(ofMetrics);
        Assert.All(ofMetrics, x => Assert.Equal(Code(x.Metric), Code(x.Observation.GetProperty("metric"))));
    }

    [Fact]
    public async Task A_nested_list_of_a_document_sent_again_reads_its_arguments_again_when_they_are_variables()
    {
        // the second request of a document reuses its nested list's statement: only where its arguments are written out
        const string query = "query($n: Int, $order: [ObservationSortInput!]) { regions(first: 40) { nodes { observations(first: $n, order: $order) { id } } } }";
        static int Count(JsonElement data) => data.GetProperty("regions").GetProperty("nodes").EnumerateArray().Sum(r => r.GetProperty("observations").GetArrayLength());
        var three = await api.GraphQLAsync(query, new { n = 3 });
        var one = await api.GraphQLAsync(query, new { n = 1 });
        Assert.True(Count(three) > Count(one), $"{Count(three)} rows with first: 3, {Count(one)} with first: 1");
        var ascending = await api.GraphQLAsync(query, new { n = 1, order = new[] { new { year = "ASC" } } });
        var descending = await api.GraphQLAsync(query, new { n = 1, order = new[] { new { year = "DESC" } } });
        Assert.NotEqual(ascending.GetRawText(), descending.GetRawText());

        // and a connection's, the same
        const string page = "query($n: Int, $order: [RegionSortInput!]) { regions(first: $n, order: $order) { nodes { code } } }";
        Assert.Equal(3, (await api.GraphQLAsync(page, new { n = 3 })).GetProperty("regions").GetProperty("nodes").GetArrayLength());
        Assert.Equal(1, (await api.GraphQLAsync(page, new { n = 1 })).GetProperty("regions").GetProperty("nodes").GetArrayLength());
        Assert.NotEqual((await api.GraphQLAsync(page, new { n = 1, order = new[] { new { code = "ASC" } } })).GetRawText(),
            (await api.GraphQLAsync(page, new { n = 1, order = new[] { new { code = "DESC" } } })).GetRawText());
    }

    private static string? Code(JsonElement element) => element.GetProperty("code").GetString();
}
