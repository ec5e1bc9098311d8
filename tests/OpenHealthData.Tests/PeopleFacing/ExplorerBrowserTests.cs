using OpenHealthData.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace OpenHealthData.Tests.PeopleFacing;

/// <summary>
/// The explorer in a real headless Chromium, as a journalist uses it: type a query, see results, narrow by a facet,
/// copy a citation, switch language, open a metric's chart. Every page is checked with axe-core (vendored in axe/)
/// for serious or critical accessibility violations and photographed at 1280 and 375 px into
/// tests/OpenHealthData.Tests/TestResults/screenshots/ (git-ignored). Needs Debian's chromium and chromium-driver
/// (tests/setup.sh installs them); without them the tests are skipped with that reason.
/// </summary>
[Collection(KestrelCollection.Name)]
public sealed class ExplorerBrowserTests(KestrelApiFactory api)
{

    private static readonly string[] Pages =
    [
        "/", "/explore", "/explore?q=出生率&lang=zh", "/explore?q=birth+rate&year=2023", "/explore/metrics",
        "/explore/metrics/county_visit_rate", "/explore/metrics/county_visit_rate?lang=zh", "/explore/regions/330382",
        "/explore/regions/140000?lang=zh", "/explore/sources/yueqing-2023-work-summary", "/explore/metrics/no_such_metric",
        "/explore?q=rate&qualifier=AT_LEAST", "/explore?q=rate&qualifier=AT_MOST&lang=zh", "/explore/metrics/family_doctor_signing_rate",
        "/explore/metrics/maternal_mortality_rate?lang=zh", "/explore/compare/family_doctor_signing_rate",
        "/explore/compare/health_literacy_rate?lang=zh", "/explore/compare/immunisation_coverage_rate", "/explore/compare/immunisation_coverage_rate?lang=zh",
        "/explore/sources/lvliang-2023-work-conference?lang=zh", "/explore/regions/330382", "/?lang=zh", "/explore?lang=zh",
        "/explore?q=签约率&metric=family_doctor_signing_rate_key_groups", "/explore?q=family+doctor&metric=family_doctor_signing_rate_key_groups&lang=en",
    ];

    private Uri Url(string path) => new(api.SocketClient().BaseAddress!, path);

    [SkippableFact]
    public void A_journalist_searches_narrows_copies_a_citation_switches_language_and_opens_a_chart()
    {
        var (driver, profile) = HeadlessChromium.Start(1280, 1000);
        using var _ = profile;
        using var __ = driver;
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(30));

        driver.Navigate().GoToUrl(Url("/explore?lang=en"));
        var box = driver.FindElement(By.Id("q"));
        box.SendKeys("birth rate");
        box.SendKeys(Keys.Enter);
        wait.Until(d => d.Url.Contains("q=birth", StringComparison.Ordinal));
        var hits = driver.FindElements(By.CssSelector("li.hit"));
        Assert.NotEmpty(hits);
        Assert.Contains(hits, h => h.Text.Contains("5.35‰", StringComparison.Ordinal) && h.Text.Contains("Yueqing", StringComparison.Ordinal));
        Assert.NotEmpty(driver.FindElements(By.CssSelector("li.hit mark")));

        // Narrow to 2023 with the year facet.
        driver.FindElements(By.CssSelector("a[data-facet='year']")).Single(a => a.Text.Trim() == "2023").Click();
        wait.Until(d => d.Url.Contains("year=2023", StringComparison.Ordinal));
        hits = driver.FindElements(By.CssSelector("li.hit"));
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Matches("· 2023( ·|, inferred year ·)", h.FindElement(By.CssSelector(".meta")).Text));
        Assert.Contains("✓", driver.FindElement(By.CssSelector("a[data-facet='year'][aria-current='true']")).Text);

        // Copy the first citation, then paste it into the search box to see what the clipboard holds.
        var copy = hits[0].FindElement(By.CssSelector("button.copy"));
        Assert.True(copy.Displayed, "the copy button is shown when script runs");
        var expected = copy.GetAttribute("data-citation")!;
        copy.Click();
        wait.Until(_ => copy.GetAttribute("data-copied") == "true");
        Assert.Contains("✓", copy.Text);
        box = driver.FindElement(By.Id("q"));
        driver.ExecuteScript("arguments[0].removeAttribute('maxlength');", box); // a citation is longer than a search
        box.Clear();
        box.SendKeys(Keys.Control + "v");
        Assert.Equal(expected, box.GetAttribute("value"));
        Assert.Contains("《", expected);
        Assert.Contains("/explore/sources/", expected);

        // Switch to Chinese: the same search, in Chinese, with the right lang.
        driver.FindElement(By.CssSelector("header nav li.lang a")).Click();
        wait.Until(d => d.FindElement(By.TagName("html")).GetAttribute("lang") == "zh-Hans");
        Assert.Equal("查找数据", driver.FindElement(By.TagName("h1")).Text);
        Assert.Equal("birth rate", driver.FindElement(By.Id("q")).GetAttribute("value"));
        Assert.Contains("年份", driver.FindElement(By.CssSelector("aside.facets")).Text);

        // Open the metric of the birth-rate figure: its chart, with a point per figure linking to the table.
        driver.FindElements(By.CssSelector("li.hit h3.metric a")).First(a => a.Text.Contains("出生率", StringComparison.Ordinal)).Click();
        wait.Until(d => d.FindElements(By.CssSelector("svg.chart")).Count > 0);
        var points = driver.FindElements(By.CssSelector("svg.chart a.point"));
        Assert.NotEmpty(points);
        var chart = driver.FindElement(By.CssSelector("svg.chart"));
        Assert.True(chart.Size.Width > 300 && chart.Size.Height > 150, $"the chart is drawn ({chart.Size})");
        PageChecks.Save(driver, "journey-metric-zh-1280");
        var row = points[0].GetDomAttribute("href")!.TrimStart('#');
        Assert.NotEmpty(driver.FindElements(By.CssSelector($"tr[id='{row}']")));
        points[0].Click(); // a point leads to its row, with the quote
        wait.Until(d => d.Url.EndsWith("#" + row, StringComparison.Ordinal));
        Assert.True((bool)driver.ExecuteScript($"return document.getElementById('{row}').matches(':target');")!);
    }

    [SkippableFact]
    public void The_qualifier_facet_narrows_to_bounds_and_the_metric_page_draws_them_apart()
    {
        var (driver, profile) = HeadlessChromium.Start(1280, 1000);
        using var _ = profile;
        using var __ = driver;
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(30));
        driver.Navigate().GoToUrl(Url("/explore?q=rate&lang=en"));
        driver.FindElements(By.CssSelector("a[data-facet='qualifier']")).Single(a => a.Text.Contains("at least", StringComparison.Ordinal)).Click();
        wait.Until(d => d.Url.Contains("qualifier=AT_LEAST", StringComparison.Ordinal));
        var hits = driver.FindElements(By.CssSelector("li.hit"));
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.StartsWith("≥ ", h.FindElement(By.CssSelector(".norm")).Text));
        PageChecks.Save(driver, "journey-qualifier-1280");

        driver.FindElements(By.CssSelector("li.hit h3.metric a")).First(a => a.Text.Contains("Family doctor", StringComparison.Ordinal)).Click();
        wait.Until(d => d.FindElements(By.CssSelector("svg.chart")).Count > 0);
        var bound = driver.FindElement(By.CssSelector("svg.chart a.point[data-qualifier='AT_LEAST'] .bound"));
        Assert.True(bound.Size.Height > 10, $"the 'at least' arrow is drawn ({bound.Size})");
        Assert.Empty(driver.FindElements(By.CssSelector("svg.chart a.point[data-qualifier='EXACT'] .bound")));
        Assert.NotEmpty(driver.FindElements(By.CssSelector("section.compare a.compare-link")));
    }

    [SkippableFact]
    public void Open_as_a_graphql_query_opens_the_search_in_the_ide()
    {
        var (driver, profile) = HeadlessChromium.Start(1280, 900);
        using var _ = profile;
        using var __ = driver;
        driver.Navigate().GoToUrl(Url("/explore?q=birth+rate&year=2023"));
        driver.FindElement(By.CssSelector("a.button[href^='/graphql#query=']")).Click();
        var editor = new WebDriverWait(driver, TimeSpan.FromSeconds(120)).Until(d =>
            (d.FindElements(By.CssSelector(".graphiql-query-editor .view-lines")).FirstOrDefault()?.Text ?? "") is { } text
            && text.Contains("search(", StringComparison.Ordinal) ? text : null);
        Assert.Contains("birth rate", editor);
        Assert.Contains("year: { eq: 2023 }", editor.Replace('\u00a0', ' '));
    }

    [SkippableTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public void Every_page_has_no_serious_accessibility_violation_and_fits_the_width(int width)
    {
        var (driver, profile) = HeadlessChromium.Start(width, 900);
        using var _ = profile;
        using var __ = driver;
        driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        var problems = new List<string>();
        foreach (var page in Pages)
        {
            driver.Navigate().GoToUrl(Url(page));
            var lang = driver.FindElement(By.TagName("html")).GetAttribute("lang");
            Assert.False(string.IsNullOrEmpty(lang), $"{page} has no lang");
            PageChecks.Save(driver, $"{Name(page)}-{width}");
            problems.AddRange(PageChecks.Problems(driver, $"{page} at {width} px"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [SkippableTheory]
    [InlineData(375)]
    [InlineData(800)]
    [InlineData(1280)]
    public void No_chart_label_is_cut_on_the_metric_with_the_largest_values(int width)
    {
        string metric;
        using (var db = api.OpenDatabase())
            metric = db.Observations.OrderByDescending(o => o.Value).First().MetricCode;
        var (driver, profile) = HeadlessChromium.Start(width, 900);
        using var _ = profile;
        using var __ = driver;
        driver.Navigate().GoToUrl(Url($"/explore/metrics/{metric}"));
        PageChecks.Save(driver, $"chart-{metric}-{width}");
        // Every label of a chart lies wholly inside the box of its SVG (which clips what lies outside).
        var cut = (System.Collections.ObjectModel.ReadOnlyCollection<object>)driver.ExecuteScript("""
            const cut = [];
            for (const text of document.querySelectorAll('.chart-frame svg text')) {
              const svg = text.ownerSVGElement.closest('.chart-frame > svg');
              const t = text.getBoundingClientRect(), s = svg.getBoundingClientRect();
              if (t.left < s.left - 0.5 || t.right > s.right + 0.5 || t.top < s.top - 0.5 || t.bottom > s.bottom + 0.5)
                cut.push(`${text.textContent} [${Math.round(t.left)}–${Math.round(t.right)}] outside [${Math.round(s.left)}–${Math.round(s.right)}]`);
            }
            return cut;
            """)!;
        var labels = Convert.ToInt64(driver.ExecuteScript("return document.querySelectorAll('.chart-frame svg.chart-axis text').length;"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(labels >= 3, $"the value axis of {metric} has labels ({labels})");
        var widest = (string)driver.ExecuteScript("return [...document.querySelectorAll('.chart-frame svg.chart-axis text')].map(t => t.textContent).sort((a, b) => b.length - a.length)[0];")!;
        Assert.True(widest.Length >= 9, $"the widest label of {metric} is a large number ({widest})");
        Assert.True(cut.Count == 0, $"{metric} at {width} px: " + string.Join("; ", cut));
    }

    private static string Name(string page)
    {
        var name = new string([.. page.Trim('/').Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return name.Length == 0 ? "landing" : name;
    }
}
