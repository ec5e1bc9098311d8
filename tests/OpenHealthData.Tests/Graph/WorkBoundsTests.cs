using System.Text.Json;
using GraphQLParser;
using OpenHealthData.Api.Graph;
using OpenHealthData.Tests.Hardening;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Graph;

/// <summary>
/// Work is bounded before execution and the bound is found in linear time: the attacks of issue 22 at growing sizes
/// are each refused with one error naming the limit and the size, and the count of what a fragment expands to visits
/// each selection of the document once. (Timings are in bench/hostile-load.sh, not here.)
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WorkBoundsTests(ApiFactory api)
{
    private static readonly RequestLimits Limits = new();

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(25)]
    [InlineData(59)]
    [InlineData(200)]
    public void Expanding_fragments_visits_each_selection_once(int n)
    {
        var document = Parser.Parse(Attacks.DoublingFragments(n));
        var size = ExpandedSize.Of(document);

        Assert.Equal(2 * n + 2, size.Visited); // two spreads per fragment, F0's field, the operation's spread
        Assert.Equal(Math.Min(Math.Pow(2, n), Math.Pow(2, 50)), size.Fields);
        Assert.Equal(1, size.Depth);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(15)]
    [InlineData(40)]
    public void A_chain_through_regions_is_measured_in_linear_work(int n)
    {
        var size = ExpandedSize.Of(Parser.Parse(Attacks.RegionFanOut(n)));
        Assert.Equal(4 * n + 3, size.Visited); // per fragment: two fields, two spreads; R0's field; region and its spread
        Assert.Equal(n + 2, size.Depth);       // the operation, region, then n levels of parent/children
        Assert.Equal(3 * Math.Pow(2, n) - 2 + 1, size.Fields); // Ri: 2 + 2·R(i-1), R0: 1; and region
    }

    [Fact]
    public void A_fragment_cycle_or_an_unknown_fragment_counts_nothing_and_ends()
    {
        var size = ExpandedSize.Of(Parser.Parse("fragment A on Query { ...B __typename } fragment B on Query { ...A } { ...A ...Nope }"));
        Assert.Equal(1, size.Fields);
    }

    [Theory]
    [InlineData(11, "2048")]
    [InlineData(25, "33554432")]
    [InlineData(59, "more than 10^15")]
    [InlineData(150, "more than 10^15")]
    public async Task Doubling_fragments_are_refused_naming_the_limit(int n, string fields) =>
        await AssertRefused(Attacks.DoublingFragments(n), null, "TOO_MANY_FIELDS", $"selects {fields} fields", "the limit is 2000");

    [Fact]
    public async Task Doubling_fragments_within_the_limit_run() =>
        Assert.Equal("Query", (await api.GraphQLAsync(Attacks.DoublingFragments(10))).GetProperty("__typename").GetString());

    [Theory]
    [InlineData(12, "TOO_MANY_FIELDS", "selects 8192 fields")]
    [InlineData(14, "QUERY_TOO_DEEP", "Depth is 16 levels")]
    [InlineData(40, "QUERY_TOO_DEEP", "Depth is 42 levels")]
    public async Task Region_chains_are_refused_naming_the_limit(int n, string code, string size) =>
        await AssertRefused(Attacks.RegionChain(n), null, code, size);

    [Fact]
    public async Task A_region_chain_within_the_limits_runs()
    {
        var data = await api.GraphQLAsync(Attacks.RegionChain(4));
        Assert.Equal("330300", data.GetProperty("region").GetProperty("parent").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(11, "has 11 sort keys")]
    [InlineData(400, "has 400 sort keys")]
    [InlineData(1_000, "has 1000 sort keys")]
    public async Task Many_deep_sort_keys_are_refused(int n, string size) =>
        await AssertRefused(Attacks.OrderQuery, Attacks.DeepOrderKeys(n), "TOO_MANY_ORDER_KEYS", size, "the limit is 10");

    [Theory]
    [InlineData(2_001)]
    [InlineData(3_000)]
    public async Task Thousands_of_plain_sort_keys_are_refused(int n) =>
        await AssertRefused(Attacks.OrderQuery, Attacks.OrderKeys(n), "TOO_MANY_ORDER_KEYS", $"has {n} sort keys");

    [Fact]
    public async Task A_sort_key_four_levels_deep_is_refused() =>
        await AssertRefused("{ observations(order: { region: { parent: { parent: { nameEn: DESC } } } }) { totalCount } }", null,
            "ORDER_KEY_TOO_DEEP", "a sort key 4 fields deep", "the limit is 3");

    [Fact]
    public async Task Ten_sort_keys_three_deep_run()
    {
        var data = await api.GraphQLAsync(Attacks.OrderQuery, Attacks.DeepOrderKeys(10));
        Assert.Equal(SeedRecords.ObservationCount, data.GetProperty("observations").GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("or", 50, "101 terms")]
    [InlineData("or", 498, "997 terms")]
    [InlineData("and", 498, "997 terms")]
    [InlineData("or", 2_000, "4001 terms")]
    public async Task Long_boolean_lists_are_refused_not_internal_errors(string op, int n, string size) =>
        await AssertRefused(Attacks.ObservationFilterQuery, new { w = Attacks.YearList(op, n) }, "FILTER_TOO_LARGE", size, "the limit is 100");

    [Fact]
    public async Task Long_boolean_lists_on_regions_and_in_search_are_refused()
    {
        await AssertRefused(Attacks.RegionFilterQuery, new { w = Attacks.CodeList(498) }, "FILTER_TOO_LARGE", "997 terms");
        await AssertRefused(Attacks.SearchFilterQuery, new { w = Attacks.YearList("or", 997) }, "FILTER_TOO_LARGE", "1995 terms");
    }

    [Fact]
    public async Task A_boolean_list_written_in_the_document_is_refused_as_one_in_a_variable()
    {
        var literal = "{ observations(where: { or: [" + string.Join(", ", Enumerable.Range(0, 60).Select(i => $"{{ year: {{ eq: {2000 + i} }} }}")) + "] }) { totalCount } }";
        await AssertRefused(literal, null, "FILTER_TOO_LARGE", "121 terms");
        await AssertRefused("query($a: [ObservationFilterInput!]) { observations(where: { or: $a }) { totalCount } }",
            new { a = ((Dictionary<string, object>)Attacks.YearList("or", 60))["or"] }, "FILTER_TOO_LARGE", "121 terms");
        await AssertRefused("query($w: ObservationFilterInput = { or: [" + string.Join(", ", Enumerable.Range(0, 60).Select(i => $"{{ year: {{ eq: {i} }} }}")) + "] }) { observations(where: $w) { totalCount } }",
            null, "FILTER_TOO_LARGE", "121 terms");
    }

    [Fact]
    public async Task The_largest_filters_within_the_limit_run()
    {
        // 49 items are 99 terms: the widest OR, the deepest nesting and the same on regions and search all answer.
        var data = await api.GraphQLAsync(Attacks.ObservationFilterQuery, new { w = Attacks.YearList("or", 49) });
        Assert.Equal(SeedRecords.ObservationCount, data.GetProperty("observations").GetProperty("totalCount").GetInt32());
        await api.GraphQLAsync(Attacks.ObservationFilterQuery, new { w = Attacks.YearList("and", 49) });
        await api.GraphQLAsync(Attacks.ObservationFilterQuery, new { w = Attacks.Nested(20) });
        await api.GraphQLAsync(Attacks.RegionFilterQuery, new { w = Attacks.CodeList(49) });
        await api.GraphQLAsync(Attacks.SearchFilterQuery, new { w = Attacks.YearList("or", 49) });
    }

    [Fact]
    public async Task An_in_list_is_bounded()
    {
        const string query = "query($c: [String]) { regions(where: { code: { in: $c } }) { totalCount } }";
        await api.GraphQLAsync(query, new { c = Enumerable.Range(0, 1_000).Select(i => i.ToString()).ToArray() });
        await AssertRefused(query, new { c = Enumerable.Range(0, 1_001).Select(i => i.ToString()).ToArray() }, "LIST_TOO_LONG", "a list of 1001 items", "the limit is 1000");
    }

    [Fact]
    public async Task A_cached_document_is_checked_again_with_new_variables()
    {
        await api.GraphQLAsync(Attacks.ObservationFilterQuery, new { w = Attacks.YearList("or", 3) });
        await AssertRefused(Attacks.ObservationFilterQuery, new { w = Attacks.YearList("or", 400) }, "FILTER_TOO_LARGE", "801 terms");
    }

    /// <summary>One error, its code naming the limit, its message the size; nothing executed.</summary>
    private async Task AssertRefused(string query, object? variables, string code, params string[] words)
    {
        using var response = await api.PostGraphQLAsync(query, variables, accept: "application/graphql-response+json");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(400 == (int)response.StatusCode, $"{(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        Assert.False(json.TryGetProperty("data", out _), body);
        var errors = json.GetProperty("errors");
        Assert.Equal(1, errors.GetArrayLength());
        Assert.Equal(code, errors[0].GetProperty("extensions").GetProperty("code").GetString());
        foreach (var word in words) Assert.Contains(word, errors[0].GetProperty("message").GetString());
    }
}
