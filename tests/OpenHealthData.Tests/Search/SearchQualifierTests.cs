using System.Net;
using System.Text.Json;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Search;

/// <summary>
/// Search with the seed format v2: metric keywords and dimensions as searchable words, qualifier and headline as
/// filters and facets in REST, GraphQL and the explorer, and the explorer showing values as their qualifiers say.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SearchQualifierTests(ApiFactory api)
{
    private const string CloseKnitCommunity = "jiangxi-2024-inspection-rectification-040"; // 紧密型县域医共体 达标率
    private const string FamilyDoctorKeyGroups = "yueqing-2023-work-summary-067";

    private async Task<(HttpStatusCode Status, string Body)> Get(string path)
    {
        var response = await api.CreateClient().GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> Rest(string query)
    {
        var (status, body) = await Get("/api/v1/search?" + query);
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<JsonElement> Observations(JsonElement result) =>
        [.. result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("observation"))];

    private static List<string> Ids(JsonElement result) => [.. Observations(result).Select(o => o.GetProperty("id").GetString()!)];

    // Each of these words is only in the metric's keywords (seed-data/metrics/*.jsonl): in no name, code,
    // description, quote, sentence, note, region or source of the seed.
    [Theory]
    [InlineData("tight-knit", CloseKnitCommunity)]
    [InlineData("Integrated County Health System", CloseKnitCommunity)]
    [InlineData("family physician", FamilyDoctorKeyGroups)]
    [InlineData("GP contract", FamilyDoctorKeyGroups)]
    [InlineData("家签", FamilyDoctorKeyGroups)] // two characters: matched with LIKE beside the trigram index
    public async Task A_keyword_alone_finds_the_metrics_figures(string keyword, string id)
    {
        Assert.Contains(id, Ids(await Rest($"q={Uri.EscapeDataString(keyword)}&first=100")));
    }

    [Theory]
    [InlineData("tight")]
    [InlineData("county medical community")]
    [InlineData("医共体")]
    public async Task The_issues_words_find_the_close_knit_county_medical_community_figure(string text)
    {
        Assert.Contains(CloseKnitCommunity, Ids(await Rest($"q={Uri.EscapeDataString(text)}&first=200")));
    }

    [Fact]
    public async Task A_dimension_value_in_words_ranks_the_figures_of_that_group_first()
    {
        // Every figure of the metric mentions key groups somewhere (its description lists them); the figures whose
        // dimension is population: key_groups hold the words in the weighted metric column and come first.
        var ids = Ids(await Rest("q=key%20groups&metric=family_doctor_signing_rate&first=50"));
        Assert.Equal(["wenxi-2024-seven-strengthenings-056", FamilyDoctorKeyGroups, "yueqing-2023-work-summary-530"], ids.Take(3).Order(StringComparer.Ordinal));
        Assert.Contains("yueqing-2023-work-summary-068", ids.Skip(3)); // all_residents
    }

    [Fact]
    public async Task Rest_search_filters_and_counts_by_qualifier_and_headline()
    {
        var all = await Rest("q=rate&first=500");
        var qualifiers = all.GetProperty("facets").GetProperty("qualifiers").EnumerateArray()
            .ToDictionary(c => c.GetProperty("value").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.True(qualifiers.ContainsKey("AT_LEAST") && qualifiers.ContainsKey("EXACT"), string.Join(", ", qualifiers.Keys));
        Assert.Equal(all.GetProperty("totalCount").GetInt32(), qualifiers.Values.Sum());

        var atLeast = await Rest("q=rate&qualifier=at_least&first=500");
        Assert.Equal(qualifiers["AT_LEAST"], atLeast.GetProperty("totalCount").GetInt32());
        Assert.All(Observations(atLeast), o => Assert.Equal("AT_LEAST", o.GetProperty("qualifier").GetString()));

        var headline = await Rest("q=rate&headline=true&first=500");
        var headlineCount = all.GetProperty("facets").GetProperty("headline").EnumerateArray().Single(c => c.GetProperty("value").GetString() == "true").GetProperty("count").GetInt32();
        Assert.Equal(headlineCount, headline.GetProperty("totalCount").GetInt32());
        Assert.True(headlineCount < all.GetProperty("totalCount").GetInt32());
        Assert.All(Observations(headline), o => Assert.True(o.GetProperty("headline").GetBoolean()));
    }

    [Theory]
    [InlineData("q=rate&qualifier=ABOUT", "ABOUT")]
    [InlineData("q=rate&headline=maybe", "headline")]
    public async Task A_bad_qualifier_or_headline_is_a_400_naming_it(string query, string named)
    {
        var (status, body) = await Get("/api/v1/search?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(named, body);
    }

    [Fact]
    public async Task GraphQL_search_filters_qualifier_and_headline_through_where_and_counts_them()
    {
        var data = await api.GraphQLAsync("""
            { search(text: "rate", first: 500, where: { qualifier: { eq: AT_MOST }, headline: { eq: true } }) {
                totalCount nodes { qualifier headline } facets { qualifiers { value count } headline { value count } } } }
            """);
        var search = data.GetProperty("search");
        Assert.True(search.GetProperty("totalCount").GetInt32() > 0);
        Assert.All(search.GetProperty("nodes").EnumerateArray(), n =>
        {
            Assert.Equal("AT_MOST", n.GetProperty("qualifier").GetString());
            Assert.True(n.GetProperty("headline").GetBoolean());
        });
        Assert.Equal("AT_MOST", search.GetProperty("facets").GetProperty("qualifiers").EnumerateArray().Single().GetProperty("value").GetString());
        Assert.Equal("true", search.GetProperty("facets").GetProperty("headline").EnumerateArray().Single().GetProperty("value").GetString());
    }

    [Fact]
    public async Task The_explorer_offers_qualifier_and_headline_facets_and_shows_values_as_their_qualifier_says()
    {
        var (status, html) = await Get("/explore?q=rate");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-facet=\"qualifier\"", html);
        Assert.Contains("data-facet=\"headline\"", html);
        Assert.Contains("How the value is meant", html);

        (status, html) = await Get("/explore?q=rate&qualifier=AT_LEAST&lang=zh");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("数值含义", html); // the facet's label in Chinese
        Assert.Contains("不低于（≥）", html); // the chosen qualifier, as a chip and a badge
        Assert.Contains(">≥ ", html);
        Assert.DoesNotContain("= ≥", html); // a bound is not said to equal anything
        Assert.Contains("qualifier: { eq: AT_LEAST }", html); // the equivalent GraphQL query

        (status, html) = await Get("/explore?q=maternal%20mortality&qualifier=AT_MOST");
        Assert.Contains(">≤ 12.8 per 100,000<", html);

        (status, html) = await Get("/explore?q=newborn%20screening&qualifier=RANK");
        Assert.Contains(">rank #1<", html);
        Assert.Contains("badge headline", (await Get("/explore?q=rate&headline=true")).Body);
    }

    [Theory]
    [InlineData("/explore?qualifier=SOMETIMES", "SOMETIMES")]
    [InlineData("/explore?headline=perhaps", "perhaps")]
    public async Task Bad_explorer_filters_are_a_400_page_naming_them(string path, string named)
    {
        var (status, html) = await Get(path);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(named, html);
    }

    [Fact]
    public async Task The_metric_page_shows_dimensions_qualifiers_bounds_and_the_compare_links()
    {
        var (status, html) = await Get("/explore/metrics/family_doctor_signing_rate");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("population: key groups", html); // the breakdown column
        Assert.Contains("data-qualifier=\"AT_LEAST\"", html); // a bound in the chart …
        Assert.Contains("class=\"bound\"", html); // … drawn apart from an exact value
        Assert.Contains("≥ ", html);
        Assert.Contains("href=\"/api/v1/compare?metric=family_doctor_signing_rate&amp;kind=actual&amp;dimension.population=key_groups\"", html);

        var compare = await api.CreateClient().GetAsync("/api/v1/compare?metric=family_doctor_signing_rate&kind=actual&dimension.population=key_groups");
        Assert.Equal(HttpStatusCode.OK, compare.StatusCode);

        (status, html) = await Get("/explore/metrics/maternal_mortality_rate");
        Assert.Contains("≤ 12.8 per 100,000", html);
    }
}
