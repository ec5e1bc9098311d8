using System.Net;
using System.Text.RegularExpressions;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Explore;

/// <summary>
/// The explorer's pages as a reader and an attacker meet them: no markup built from strings, every parameter encoded,
/// the Chinese pages in Chinese, the compare pages honest about what they compare.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class ExplorerPageTests(ApiFactory api)
{
    private async Task<(HttpStatusCode Status, string Body)> Get(string path)
    {
        var response = await api.CreateClient().GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void No_page_is_html_built_from_strings_under_src()
    {
        // Pages are Razor components (encoded by default); C# under src/ holds no string with a tag in it and no raw markup.
        var src = Path.Combine(RepoPaths.Root, "src");
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
            foreach (var (line, number) in File.ReadLines(file).Select((l, i) => (l, i + 1)))
                if (!line.TrimStart().StartsWith("//", StringComparison.Ordinal) && HtmlInString().IsMatch(line))
                    found.Add($"{Path.GetRelativePath(src, file)}:{number}: {line.Trim()}");
        foreach (var file in Directory.EnumerateFiles(src, "*.razor", SearchOption.AllDirectories))
            if (File.ReadAllText(file).Contains("MarkupString", StringComparison.Ordinal)) found.Add($"{Path.GetRelativePath(src, file)}: MarkupString (raw HTML)");
        Assert.True(found.Count == 0, "HTML built from strings:\n" + string.Join("\n", found));
        Assert.False(File.Exists(Path.Combine(src, "OpenHealthData.Api", "Explore", "Html.cs")), "Html.E is gone");
    }

    [GeneratedRegex("\"[^\"]*<(html|head|body|div|span|p|a|ul|ol|li|table|tr|td|th|svg|h[1-6]|mark|strong|section|nav|main|footer|header|form|input|button|details|summary|pre|code|dl|dt|dd|br|sup|g|line|circle|path|rect|script|style|title|meta|link)[\\s>/]")]
    private static partial Regex HtmlInString();

    public static readonly TheoryData<string> Hostile = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'><svg onload=alert(1)>"];

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Hostile_strings_in_every_parameter_are_shown_as_text(string hostile)
    {
        var e = Uri.EscapeDataString(hostile);
        string[] paths =
        [
            .. new[] { "q", "region", "year", "kind", "category", "metric", "source", "qualifier", "headline", "after", "lang" }.Select(k => $"/explore?{k}={e}"),
            $"/explore?q=rate&region=330382&lang={e}", $"/explore/download.csv?q={e}", $"/explore/download.{e}",
            $"/explore/metrics/{e}", $"/explore/metrics?lang={e}", $"/explore/regions/{e}", $"/explore/sources/{e}", $"/explore/compare/{e}",
            $"/explore/compare/{e}/table.csv", $"/explore/compare/family_doctor_signing_rate?lang={e}&x={e}", $"/?lang={e}", $"/explore/metrics/county_visit_rate?{e}={e}",
        ];
        foreach (var path in paths)
        {
            var (status, body) = await Get(path);
            Assert.True((int)status < 500, $"{path}: {status}");
            Assert.DoesNotContain(hostile, body);
            Assert.DoesNotContain("<img src=x", body);
            Assert.DoesNotContain("<svg onload", body);
            Assert.DoesNotContain("<script>alert", body);
        }
        // Where the page repeats what was asked, it shows it as text.
        Assert.Contains(WebUtility.HtmlEncode(hostile).Replace("&#39;", "&#x27;"), (await Get($"/explore?q={e}")).Body);
        if (!hostile.Contains('/')) Assert.Contains(WebUtility.HtmlEncode(hostile).Replace("&#39;", "&#x27;"), (await Get($"/explore/metrics/{e}")).Body);
    }

    [Theory]
    [InlineData("/?lang=zh")]
    [InlineData("/explore?lang=zh")]
    [InlineData("/explore?q=签约率&lang=zh")]
    [InlineData("/explore?q=rate&qualifier=AT_LEAST&lang=zh")]
    [InlineData("/explore/metrics?lang=zh")]
    [InlineData("/explore/metrics/family_doctor_signing_rate?lang=zh")]
    [InlineData("/explore/metrics/rehab_nursing_beds_per_1000_elderly?lang=zh")]
    [InlineData("/explore/regions/330382?lang=zh")]
    [InlineData("/explore/regions/140000?lang=zh")]
    [InlineData("/explore/sources/lvliang-2023-work-conference?lang=zh")]
    [InlineData("/explore/sources/jiangxi-2024-inspection-rectification?lang=zh")]
    [InlineData("/explore/compare/family_doctor_signing_rate?lang=zh")]
    [InlineData("/explore/compare/health_literacy_rate?lang=zh")]
    [InlineData("/explore/compare/immunisation_coverage_rate?lang=zh")]
    public async Task Chinese_pages_have_no_English_word_but_names_and_codes(string path)
    {
        var (status, html) = await Get(path);
        Assert.Equal(HttpStatusCode.OK, status);
        // Set aside what is English on purpose: a name or quote beside its Chinese (lang="en" with class other/en), code.
        // and the report's own text on its source page, and the words the reader typed.
        var text = Regex.Replace(html, "<(script|style|pre|code)\\b[^>]*>.*?</\\1>", " ", RegexOptions.Singleline);
        text = Regex.Replace(text, "<div class=\"report\".*?</div>", " ", RegexOptions.Singleline);
        if (Regex.Match(path, "[?&]q=([^&]+)") is { Success: true } q) text = text.Replace(Uri.UnescapeDataString(q.Groups[1].Value), " ", StringComparison.Ordinal);
        text = Regex.Replace(text, "<(p|span|dd|div)\\b(?=[^>]*\\blang=\"en\")(?=[^>]*\\bclass=\"(other|en)\")[^>]*>.*?</\\1>", " ", RegexOptions.Singleline);
        text = WebUtility.HtmlDecode(Regex.Replace(text, "<[^>]+>", " "));
        text = Regex.Replace(text, "https?://\\S+", " ");                       // addresses
        text = Regex.Replace(text, "/(explore|api|graphql)\\b[^\\s<>]*", " ");   // this site's addresses (relative when no public base URL is configured)
        text = Regex.Replace(text, "\\b[A-Za-z0-9]+([-_.][A-Za-z0-9]+)+\\b", " "); // codes, ids and file names (snake_case, slugs)
        var leftovers = Regex.Matches(text, "[A-Za-z]{2,}").Select(m => m.Value).Where(w => !Names.Contains(w)).Distinct().ToList();
        Assert.True(leftovers.Count == 0, $"{path} has English words: {string.Join(", ", leftovers)}");
    }

    /// <summary>Proper names, abbreviations and format names that stay as they are in Chinese text.</summary>
    private static readonly HashSet<string> Names =
    [
        "OpenHealthData", "GraphQL", "API", "REST", "Swagger", "UI", "CSV", "JSON", "Parquet", "SQLite", "Frictionless", "BibTeX", "RIS",
        "English", "HPV", "DNA", "AED", "ICU", "MDT", "CMI", "DRG", "PhD", "DOCTYPE",
    ];

    [Fact]
    public async Task Family_doctor_signing_compares_key_groups_only_and_says_why_the_others_are_left_out()
    {
        var (status, html) = await Get("/explore/compare/family_doctor_signing_rate?lang=en");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Results · population: key groups only · %", html);
        Assert.Contains("Highest first: Wenxi County 98.23%, Yueqing City 90.56%.", html);
        Assert.Contains("Wenxi County 2023, inferred year: agricultural population only, not key groups", html);
        Assert.Contains("Yueqing City 2023, inferred year: all residents only, not key groups", html);
        Assert.Contains("Yueqing City 2024, inferred year: target, not a result", html);
        Assert.Contains("Jiangxi Province 2024: monitored population only, not key groups", html);
        Assert.Contains("href=\"/explore/sources/wenxi-2024-seven-strengthenings?lang=en#year-rule\"", html); // the year's rule, one click away
    }

    [Fact]
    public async Task Two_lower_bounds_are_never_ranked()
    {
        var html = (await Get("/explore/compare/immunisation_coverage_rate?lang=en")).Body;
        Assert.Contains("Not ranked: Yueqing City at least 95%, Wenxi County at least 90%. Both are lower bounds", html);
        Assert.DoesNotContain("Highest first", html);
        var zh = (await Get("/explore/compare/immunisation_coverage_rate?lang=zh")).Body;
        Assert.Contains("不排序：乐清市 至少95%，闻喜县 至少90%。两者都是下限", zh);
    }

    [Fact]
    public async Task Years_stay_in_their_rows_and_the_csv_holds_exactly_the_cells_of_the_tables()
    {
        var html = (await Get("/explore/compare/health_literacy_rate?lang=en")).Body;
        var rows = Regex.Matches(html, "<tr><th scope=\"row\"[^>]*>(\\d{4})</th>(.*?)</tr>", RegexOptions.Singleline);
        Assert.Equal(["2023", "2024"], rows.Select(r => r.Groups[1].Value));
        Assert.Contains("cmp-yueqing-2023-work-summary-098", rows[0].Groups[2].Value);       // Yueqing 39.29 %, 2023
        Assert.Contains("cmp-jiangxi-2024-inspection-rectification-020", rows[1].Groups[2].Value); // Jiangxi 30.13 %, 2024: not beside 2023
        Assert.Contains("Yueqing City 2024, inferred year: target, not a result", html);
        foreach (var metric in new[] { "health_literacy_rate", "family_doctor_signing_rate", "immunisation_coverage_rate", "county_visit_rate" })
        {
            var page = (await Get($"/explore/compare/{metric}?lang=en")).Body;
            var cells = Regex.Matches(page, "id=\"cmp-([^\"]+)\"").Select(m => m.Groups[1].Value).Order().ToList();
            var response = await api.CreateClient().GetAsync($"/explore/compare/{metric}/table.csv?lang=en");
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("group,year,year_basis,year_as_shown,", lines[0]);
            var ids = lines.Skip(1).Select(l => Regex.Match(l, ",([a-z0-9-]+-\\d{3}),[a-z0-9-]+,").Groups[1].Value).Order().ToList();
            Assert.Equal(cells, ids);
        }
    }

    [Fact]
    public async Task The_metric_page_and_search_results_link_to_the_compare_page()
    {
        Assert.Contains("href=\"/explore/compare/family_doctor_signing_rate?lang=en\"", (await Get("/explore/metrics/family_doctor_signing_rate?lang=en")).Body);
        Assert.Contains("href=\"/explore/compare/family_doctor_signing_rate?lang=en\"", (await Get("/explore?q=signing&lang=en")).Body);
    }

    [Fact]
    public async Task Quotes_are_shown_and_cited_without_line_break_artefacts()
    {
        // The stored quote keeps the source file's space ("达到服务 能力标准"); page and citation do not.
        await using var db = api.OpenDatabase();
        var figure = db.Observations.Single(o => o.Id == "lvliang-2023-work-conference-001");
        Assert.Contains("达到服务 能力标准", figure.Quote);
        var html = (await Get("/explore/regions/141100?lang=zh")).Body;
        Assert.Contains("达到服务能力标准", html);
        Assert.DoesNotContain("达到服务 能力标准", html.Split("class=\"report\"")[0]);
        var search = (await Get("/explore?q=服务能力标准&region=141100&lang=zh")).Body;
        Assert.Matches("data-citation=\"[^\"]*达到服务能力标准", search);
    }

    [Fact]
    public async Task Every_source_page_links_to_its_original_or_says_that_none_is_known()
    {
        await using var db = api.OpenDatabase();
        foreach (var source in db.Sources.ToList())
        {
            var html = (await Get($"/explore/sources/{source.Id}?lang=en")).Body;
            if (source.Url is null) Assert.Contains("No address of the original is known", html);
            else Assert.Contains($"href=\"{source.Url}\"", html);
            Assert.Contains("id=\"year-rule\"", html);
        }
    }

    [Fact]
    public async Task The_front_door_opens_on_the_headline_figures_of_each_region_newest_first()
    {
        var html = (await Get("/explore?lang=en")).Body;
        Assert.Contains("Headline figures of each region, newest first", html);
        Assert.DoesNotContain("Key rectification tasks personally led", html);
        var years = Regex.Matches(html.Split("class=\"region-head\"")[1], "class=\"meta\">.*?· <(?:span|a)[^>]*>(\\d{4})", RegexOptions.Singleline).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(years);
        Assert.Equal(years.OrderDescending(), years);
    }
}
