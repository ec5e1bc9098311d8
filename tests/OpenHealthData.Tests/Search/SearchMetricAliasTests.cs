using System.Net;
using System.Text.Json;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Search;

/// <summary>
/// REST search and the explorer's search take an old metric code as /api/v1/observations does (the one REST rule): it
/// means its metric and the dimensions it stood for. The oracle is the two routes themselves: search with the old code finds exactly the figures
/// that search with the metric's own code finds and that /api/v1/observations lists for the old code.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SearchMetricAliasTests(ApiFactory api)
{
    private const string Alias = "family_doctor_signing_rate_key_groups"; // family_doctor_signing_rate over population key_groups

    private async Task<JsonElement> Get(string url)
    {
        var response = await api.CreateClient().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<HashSet<string>> SearchIds(string q, string metric) =>
        [.. (await Get($"/api/v1/search?q={Uri.EscapeDataString(q)}&metric={metric}&first=500")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("observation").GetProperty("id").GetString()!)];

    [Theory]
    [InlineData("签约率")]
    [InlineData("family doctor")]
    public async Task An_old_metric_code_finds_the_figures_it_stands_for(string q)
    {
        var listed = (await Get($"/api/v1/observations?metric={Alias}&first=500")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetString()!).ToHashSet();
        var ofMetric = await SearchIds(q, "family_doctor_signing_rate");
        var ofAlias = await SearchIds(q, Alias);

        Assert.NotEmpty(ofAlias);
        Assert.Equal(ofMetric.Intersect(listed).Order(StringComparer.Ordinal), ofAlias.Order(StringComparer.Ordinal));
        Assert.True(ofAlias.Count < ofMetric.Count, "the old code narrows the metric to the dimensions it stood for");
    }

    [Theory]
    [InlineData("签约率")]
    [InlineData("family doctor")]
    public async Task The_explorer_shows_the_same_figures_for_an_old_metric_code(string q)
    {
        var ofAlias = await SearchIds(q, Alias);
        var response = await api.CreateClient().GetAsync($"/explore?q={Uri.EscapeDataString(q)}&metric={Alias}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {html}");
        var cards = html.Split("<li class=\"hit\" id=\"fig-").Skip(1).Select(c => c[..c.IndexOf('"')]).ToHashSet();
        Assert.NotEmpty(cards);
        Assert.Subset(ofAlias, cards); // the explorer shows one page of them

        // "The same as a GraphQL query" on the page finds the same figures (GraphQL's metric.code takes current codes
        // only, so the page writes the old code out as its metric and dimensions).
        var code = html[(html.LastIndexOf("<code>", StringComparison.Ordinal) + "<code>".Length)..html.LastIndexOf("</code>", StringComparison.Ordinal)]; // the last block of the page
        var graphql = (await api.GraphQLAsync(WebUtility.HtmlDecode(code).Replace("first: 20", "first: 500", StringComparison.Ordinal)))
            .GetProperty("search").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!);
        Assert.Equal(ofAlias.Order(StringComparer.Ordinal), graphql.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("zh", "家庭医生签约率（人群：重点人群）")]
    [InlineData("en", "Family doctor contract signing rate (population: key groups)")]
    public async Task The_explorers_filter_chip_names_an_old_codes_metric_and_breakdown(string lang, string chip)
    {
        var html = await api.CreateClient().GetStringAsync($"/explore?q=%E7%AD%BE%E7%BA%A6%E7%8E%87&metric={Alias}&lang={lang}");
        Assert.Contains(chip, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/explore/metrics/" + Alias + "?lang=zh", "/explore/metrics/family_doctor_signing_rate?lang=zh")]
    [InlineData("/explore/compare/" + Alias, "/explore/compare/family_doctor_signing_rate?lang=en")]
    [InlineData("/explore/compare/" + Alias + "/table.csv", "/explore/compare/family_doctor_signing_rate/table.csv?lang=en")]
    public async Task An_old_metric_code_in_an_explorer_address_moved_for_good_to_its_metric(string old, string moved)
    {
        var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(old);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(moved, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(moved)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(old.Replace(Alias, "no_such_metric", StringComparison.Ordinal))).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/search?q=rate&metric=no_such_metric", "'metric'")] // problem+json names the parameter
    [InlineData("/explore?q=rate&metric=no_such_metric", "There is no metric with the code 'no_such_metric'")] // the explorer's page says what was wrong,
    [InlineData("/explore?q=rate&metric=no_such_metric&lang=zh", "没有代码为“no_such_metric”的指标")]                  // in its language
    public async Task An_unknown_metric_code_is_a_400_saying_what_was_wrong(string url, string named)
    {
        var response = await api.CreateClient().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, WebUtility.HtmlDecode(body), StringComparison.Ordinal); // the page escapes quotes
    }
}
