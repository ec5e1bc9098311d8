using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Api.Explore;
using OpenHealthData.Api.Search;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Explore;

/// <summary>The explorer's pages over HTTP: status codes, language, escaping, downloads and the GraphQL they offer.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class ExplorerTests(ApiFactory api)
{
    private async Task<(HttpStatusCode Status, string Html)> Get(string path, string? acceptLanguage = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null) request.Headers.Add("Accept-Language", acceptLanguage);
        var response = await api.CreateClient().SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/explore")]
    [InlineData("/explore?q=出生率")]
    [InlineData("/explore?q=birth+rate&region=330000&year=2023&kind=actual&category=health_outcomes")]
    [InlineData("/explore/metrics")]
    [InlineData("/explore/metrics/county_visit_rate")]
    [InlineData("/explore/regions/140000")]
    [InlineData("/explore/regions/330382")]
    [InlineData("/explore/sources/yueqing-2023-work-summary")]
    [InlineData("/explore/sources/jiangxi-2024-inspection-rectification?lang=zh")]
    public async Task Pages_answer_200_with_html_and_the_security_headers(string path)
    {
        var response = await api.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html); // no inline script: only <script src>
        Assert.DoesNotMatch("""(src|href)="(https?:)?//[^"]*\.(js|css|woff2?)""", html); // no script, style or font from another origin
    }

    [Theory]
    [InlineData("/explore/metrics/no_such_metric", "no_such_metric")]
    [InlineData("/explore/regions/999999", "999999")]
    [InlineData("/explore/sources/no-such-report", "no-such-report")]
    [InlineData("/explore/download.xlsx", "xlsx")]
    public async Task Unknown_codes_are_a_404_page_naming_them(string path, string named)
    {
        var (status, html) = await Get(path);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<html lang=", html);
        Assert.Contains(named, html);
        Assert.Contains("href=\"/explore?lang=en\"", html); // the way back
    }

    [Theory]
    [InlineData("/explore?year=twenty", "twenty")]
    [InlineData("/explore?region=999999", "999999")]
    [InlineData("/explore?kind=guess", "guess")]
    [InlineData("/explore?category=nope", "nope")]
    [InlineData("/explore?after=bogus", "cursor")]
    [InlineData("/explore?q=%22%22", "no word")]
    [InlineData("/explore/download.csv?region=999999", "999999")]
    public async Task Bad_filters_are_a_400_page_naming_them(string path, string named)
    {
        var (status, html) = await Get(path);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(named, html);
    }

    [Theory]
    [InlineData("/explore?q=", "<script>alert(1)</script>")]
    [InlineData("/explore?q=", "\"><img src=x onerror=alert(1)>")]
    [InlineData("/explore/metrics/", "<b onclick=alert(1)>bold")]
    [InlineData("/explore/regions/", "<i>x")]
    [InlineData("/explore?year=", "<svg/onload=alert(1)>")]
    public async Task Markup_in_the_address_is_shown_as_text(string path, string markup)
    {
        var (_, html) = await Get(path + Uri.EscapeDataString(markup));
        Assert.DoesNotContain(markup, html);
        Assert.DoesNotContain("onerror=alert", html.Replace("onerror=alert(1)&gt;", ""));
        Assert.Contains(System.Net.WebUtility.HtmlEncode(markup), html);
    }

    [Fact]
    public async Task The_language_follows_the_switch_and_else_the_browser()
    {
        Assert.Contains("<html lang=\"en\">", (await Get("/explore")).Html);
        Assert.Contains("<html lang=\"zh-Hans\">", (await Get("/explore", "zh-CN,zh;q=0.9")).Html);
        var zh = (await Get("/explore?lang=zh&q=rate")).Html;
        Assert.Contains("<html lang=\"zh-Hans\">", zh);
        Assert.Contains("查找数据", zh);
        // The switch leads to the same page in English, keeping the words.
        var link = SwitchLink().Match(zh);
        Assert.True(link.Success);
        var en = (await Get(System.Net.WebUtility.HtmlDecode(link.Groups[1].Value), "zh-CN")).Html;
        Assert.Contains("<html lang=\"en\">", en);
        Assert.Contains("value=\"rate\"", en);
    }

    [GeneratedRegex("<li class=\"lang\"><a href=\"([^\"]+)\"")]
    private static partial Regex SwitchLink();

    [Fact]
    public async Task A_result_shows_the_figure_the_sentence_with_the_word_marked_and_a_citation()
    {
        var html = (await Get("/explore?q=出生率&region=330382")).Html;
        Assert.Contains("id=\"fig-yueqing-2023-work-summary-085\"", html);
        Assert.Contains("5.35‰", html);
        Assert.Contains("<strong>2023年当年</strong><strong><mark>出生率</mark></strong><strong>为5.35‰</strong>,高居温州市第一。", html); // the quote in bold within its sentence, the word marked
        Assert.Contains("data-citation=\"Yueqing Municipal Health Bureau, &quot;", html); // cited in the page's language,
        Assert.Contains("[乐清市卫生健康局《", html);                                      // with the original title
        Assert.Contains("data-citation=\"乐清市卫生健康局《", (await Get("/explore?q=出生率&region=330382&lang=zh")).Html);
        Assert.Contains("/explore/sources/yueqing-2023-work-summary?lang=en#fig-yueqing-2023-work-summary-085", html);
    }

    [Fact]
    public async Task Downloads_and_the_graphql_query_give_the_figures_of_the_page()
    {
        var query = new ExploreQuery("rate", new SearchFilter(WithinRegion: "140000", Kind: "actual"), null);
        var client = api.CreateClient();
        var total = JsonDocument.Parse(await client.GetStringAsync("/api/v1/search?q=rate&withinRegion=140000&kind=actual")).RootElement.GetProperty("totalCount").GetInt32();
        Assert.True(total > 1);

        var json = JsonDocument.Parse(await client.GetStringAsync("/explore/download.json?q=rate&region=140000&kind=actual")).RootElement;
        Assert.Equal(total, json.GetArrayLength());
        Assert.All(json.EnumerateArray(), row => Assert.Equal("actual", row.GetProperty("kind").GetString()));
        var csv = await client.GetAsync("/explore/download.csv?q=rate&region=140000&kind=actual");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", csv.Content.Headers.ContentDisposition!.ToString());
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("sentence", lines[0]);
        Assert.True(lines.Length > total); // header + rows (a quoted field may hold a line break)

        var data = await api.GraphQLAsync(ExploreGraphQL.Query(query, 500, null));
        Assert.Equal(total, data.GetProperty("search").GetProperty("totalCount").GetInt32());
        // Without words, the explorer lists figures in the order its GraphQL query asks for.
        var browse = await api.GraphQLAsync(ExploreGraphQL.Query(query with { Q = null }, 20, null));
        var listed = JsonDocument.Parse(await client.GetStringAsync("/explore/download.json?region=140000&kind=actual")).RootElement;
        Assert.Equal(listed.GetArrayLength(), browse.GetProperty("observations").GetProperty("totalCount").GetInt32());
        Assert.Equal(listed.EnumerateArray().Take(20).Select(r => r.GetProperty("id").GetString()),
            browse.GetProperty("observations").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task The_source_page_marks_every_figure_in_place()
    {
        const string id = "wenxi-2024-seven-strengthenings";
        var html = (await Get($"/explore/sources/{id}")).Html;
        await using var db = api.OpenDatabase();
        var figures = await db.Observations.Where(o => o.SourceId == id).Select(o => o.Id).ToListAsync();
        Assert.NotEmpty(figures);
        Assert.All(figures, f =>
        {
            Assert.Contains($"id=\"fig-{f}\"", html);   // the place in the text
            Assert.Contains($"href=\"#row-{f}\"", html); // its number, linking to the record
            Assert.Contains($"id=\"row-{f}\"", html);
        });
        Assert.True(Regex.Count(html, "<mark ") >= figures.Distinct().Count() / 2);
    }

    [Fact]
    public async Task The_metric_page_charts_every_figure_and_links_each_point_to_its_row()
    {
        var html = (await Get("/explore/metrics/county_visit_rate")).Html;
        await using var db = api.OpenDatabase();
        var figures = await db.Observations.Where(o => o.MetricCode == "county_visit_rate").ToListAsync();
        Assert.Contains("<svg class=\"chart\"", html);
        Assert.All(figures, f =>
        {
            Assert.Contains($"<a href=\"#fig-{f.Id}\"", html);
            Assert.Contains($"<tr id=\"fig-{f.Id}\"", html);
        });
        Assert.Equal(figures.Count(f => f.Kind == "target"), Regex.Count(html, "data-kind=\"target\""));
        Assert.Equal(figures.Count(f => f.Kind == "actual"), Regex.Count(html, "data-kind=\"actual\""));
    }

    [Fact]
    public async Task The_landing_page_leads_to_the_explorer_and_lists_the_regions_and_the_real_years()
    {
        var html = (await Get("/")).Html;
        var explore = html.IndexOf("href=\"/explore?lang=en\"", StringComparison.Ordinal);
        Assert.True(explore > 0 && explore < html.IndexOf("href=\"/graphql\"", StringComparison.Ordinal), "the explorer is the first link");
        await using var db = api.OpenDatabase();
        foreach (var region in await db.Regions.ToListAsync()) Assert.Contains($"<code>{region.Code}</code>", html);
        Assert.Contains($"{await db.Observations.MinAsync(o => o.Year)}–{await db.Observations.MaxAsync(o => o.Year)}", html);
    }
}
