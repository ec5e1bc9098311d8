using System.Text.Json;
using OpenHealthData.Api.Commands;
using OpenHealthData.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace OpenHealthData.Tests.PeopleFacing;

/// <summary>
/// The review page in a real headless Chromium, as a curator adding a report uses it, on a copy of seed-data with a
/// new report drafted by the `draft` command (<see cref="ReviewSeed"/>): accept one candidate, correct another with
/// the typeahead, a suggestion and the live verdict and accept it, reject a third; then the seed file holds the two,
/// and after the product's `seed` the API serves them. axe-core (vendored in axe/) finds no serious or critical
/// violation at 375 and 1280 px; screenshots go to TestResults/screenshots/ (git-ignored). Needs Debian's chromium
/// and chromium-driver (tests/setup.sh installs them); without them the tests are skipped with that reason.
/// </summary>
public sealed class ReviewBrowserTests(ReviewServer server) : IClassFixture<ReviewServer>
{
    private const string Page = "/review/" + ReviewSeed.Source + "?lang=en";

    private static string Article(int n) => $"#c-{ReviewSeed.Source}-{n:000}";

    private Uri Url(string path) => new(server.Api.Address(), path);

    /// <summary>Replaces what a field holds by typing, as a person does (select all, type).</summary>
    private static void Type(IWebElement field, string text)
    {
        field.SendKeys(Keys.Control + "a");
        field.SendKeys(Keys.Delete);
        field.SendKeys(text);
    }

    [SkippableFact]
    public async Task A_curator_accepts_corrects_and_rejects_candidates_and_finds_the_accepted_ones_in_the_seed_and_the_api()
    {
        var (driver, profile) = HeadlessChromium.Start(1280, 1000);
        using var _ = profile;
        using var __ = driver;
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(30));
        driver.Navigate().GoToUrl(Url(Page));
        Assert.Equal(4, driver.FindElements(By.CssSelector("article.candidate")).Count);
        Assert.Equal("80.12岁", driver.FindElement(By.CssSelector($"{Article(1)} .context mark strong")).Text);

        // 1. 80.12岁 as drafted: the live verdict asks for the English quote and the headline flag; given them, it accepts.
        driver.FindElement(By.Id("n001-quoteEn")).Click();
        wait.Until(d => d.FindElement(By.Id("n001-quoteEn-error")).Text == "is required");
        Assert.Equal("true", driver.FindElement(By.Id("n001-quoteEn")).GetAttribute("aria-invalid"));
        Assert.Contains("must be headline", driver.FindElement(By.Id("n001-headline-error")).Text);
        driver.FindElement(By.Id("n001-quoteEn")).SendKeys("Life expectancy in the county reached 80.12 years");
        driver.FindElement(By.Id("n001-headline")).Click();
        wait.Until(d => d.FindElement(By.Id("v-n001")).GetAttribute("data-state") == "ok");
        Assert.Equal("The validator accepts this record.", driver.FindElement(By.Id("v-n001")).Text);
        Assert.Null(driver.FindElement(By.Id("n001-quoteEn")).GetAttribute("aria-invalid"));
        PageChecks.Save(driver, "review-verdict-1280");
        driver.FindElement(By.CssSelector($"{Article(1)} button.accept")).Click();
        wait.Until(d => d.Url.Contains("accepted=", StringComparison.Ordinal));
        Assert.Equal($"Accepted: written as {ReviewSeed.Source}-001 into seed-data/observations/{ReviewSeed.Source}.jsonl.", driver.FindElement(By.Id("done")).Text);
        Assert.Equal(3, driver.FindElements(By.CssSelector("article.candidate")).Count);

        // 2. 12个 is rejected.
        driver.FindElement(By.CssSelector($"{Article(3)} button.reject")).Click();
        wait.Until(d => d.Url.Contains("rejected=", StringComparison.Ordinal));
        Assert.Equal($"Rejected candidate {ReviewSeed.Source}-003: removed from the draft.", driver.FindElement(By.Id("done")).Text);
        Assert.Empty(driver.FindElements(By.CssSelector(Article(3))));

        // 3. 4.6张, corrected: a metric typed in the typeahead, then the suggestion taken back; a wrong value the live
        // verdict refuses at its field, then the right one; a shorter quote; the name as written, among the more fields.
        var metric = driver.FindElement(By.Id("n004-metric"));
        Assert.Equal("metric-codes", metric.GetAttribute("list"));
        Type(metric, "physicians_per_1000");
        wait.Until(d => d.FindElement(By.Id("n004-metric-name")).Text.StartsWith("千人医师数", StringComparison.Ordinal));
        driver.FindElement(By.CssSelector($"{Article(4)} button.use[data-metric='hospital_beds_per_1000']")).Click();
        Assert.Equal("hospital_beds_per_1000", metric.GetAttribute("value"));
        wait.Until(d => d.FindElement(By.Id("n004-metric-name")).Text.StartsWith("千人床位数", StringComparison.Ordinal));
        Type(driver.FindElement(By.Id("n004-value")), "46");
        wait.Until(d => d.FindElement(By.Id("n004-value-error")).Text.Contains("46 is not what valueAsWritten \"4.6张\" says 4.6 per_1000", StringComparison.Ordinal));
        Assert.Equal("refused", driver.FindElement(By.Id("v-n004")).GetAttribute("data-state"));
        Type(driver.FindElement(By.Id("n004-value")), "4.6");
        Type(driver.FindElement(By.Id("n004-quote")), "千人床位数达到4.6张");
        driver.FindElement(By.Id("n004-quoteEn")).SendKeys("beds per 1,000 people reached 4.6");
        driver.FindElement(By.CssSelector($"{Article(4)} details.more summary")).Click();
        driver.FindElement(By.Id("n004-nameAsWritten")).SendKeys("千人床位数");
        // Yueqing's beds per 1,000 is a headline figure, and one indicator is headline in every report or in none.
        wait.Until(d => d.FindElement(By.Id("v-n004")).Text.Contains("yueqing-2023-work-summary-005 headline: is true but", StringComparison.Ordinal)
                        && d.FindElement(By.Id("n004-value-error")).Text.Length == 0 && d.FindElement(By.Id("n004-nameAsWritten")).GetAttribute("value") == "千人床位数");
        Assert.Equal("", driver.FindElement(By.Id("n004-headline-error")).Text); // the other record's field, not this one's
        driver.FindElement(By.Id("n004-headline")).Click();
        wait.Until(d => d.FindElement(By.Id("v-n004")).GetAttribute("data-state") == "ok");
        driver.FindElement(By.CssSelector($"{Article(4)} button.accept")).Click();
        wait.Until(d => d.Url.Contains($"accepted={ReviewSeed.Source}-002", StringComparison.Ordinal));

        // Closed and opened again: what was not decided is still there.
        driver.Navigate().GoToUrl(Url(Page));
        Assert.Equal([$"c-{ReviewSeed.Source}-002"], driver.FindElements(By.CssSelector("article.candidate")).Select(a => a.GetAttribute("id")));
        Assert.Equal([$"{ReviewSeed.Source}-002"], server.Seed.Pending());
        var errors = driver.Manage().Logs.GetLog(LogType.Browser)
            .Where(e => e.Level == OpenQA.Selenium.LogLevel.Severe || e.Message.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            .Where(e => !e.Message.Contains("/favicon.ico", StringComparison.Ordinal)) // the site has none; the browser asks anyway
            .Select(e => e.Message).ToList();
        Assert.True(errors.Count == 0, "The page logged errors (CSP violations, uncaught errors):\n" + string.Join("\n", errors));

        // The seed file: the two records, in id order, as the curated lines are written.
        var lines = File.ReadAllLines(server.Seed.ObservationsFile);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{{\"id\": \"{ReviewSeed.Source}-001\", \"source\": \"{ReviewSeed.Source}\", \"metric\": \"life_expectancy\", \"region\": \"330382\", \"year\": 2024, \"yearBasis\": \"STATED\", \"kind\": \"actual\", \"value\": 80.12, \"unit\": \"years\", \"qualifier\": \"EXACT\", \"headline\": true, \"valueAsWritten\": \"80.12岁\", \"quote\": \"全县人均预期寿命达到80.12岁\", \"quoteEn\": \"Life expectancy in the county reached 80.12 years\"", lines[0]);
        Assert.StartsWith($"{{\"id\": \"{ReviewSeed.Source}-002\", \"source\": \"{ReviewSeed.Source}\", \"metric\": \"hospital_beds_per_1000\", \"region\": \"330382\", \"year\": 2024, \"yearBasis\": \"INFERRED\", \"kind\": \"actual\", \"value\": 4.6, \"unit\": \"per_1000\", \"qualifier\": \"EXACT\", \"headline\": true, \"valueAsWritten\": \"4.6张\", \"quote\": \"千人床位数达到4.6张\", \"quoteEn\": \"beds per 1,000 people reached 4.6\", \"nameAsWritten\": \"千人床位数\", \"note\": ", lines[1]);

        // `seed` builds the database from the copy; the API over it serves both figures.
        Assert.Equal(0, await CommandLine.RunAsync(["seed", "--seed-data", server.Seed.Directory, "--database", server.Seed.DatabasePath]));
        using var production = new ReviewApiFactory(server.Seed.Directory, "Production", server.Seed.DatabasePath);
        using var client = production.SocketClient();
        var items = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/observations?source={ReviewSeed.Source}")).RootElement.GetProperty("items");
        Assert.Equal(
            [($"{ReviewSeed.Source}-001", "life_expectancy", 80.12, "80.12岁", true), ($"{ReviewSeed.Source}-002", "hospital_beds_per_1000", 4.6, "4.6张", true)],
            items.EnumerateArray().Select(o => (o.GetProperty("id").GetString(), o.GetProperty("metricCode").GetString(), o.GetProperty("value").GetDouble(),
                o.GetProperty("valueAsWritten").GetString(), o.GetProperty("headline").GetBoolean())).OrderBy(o => o.Item1, StringComparer.Ordinal));
    }

    [SkippableTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public void The_review_pages_have_no_serious_accessibility_violation_and_fit_the_width(int width)
    {
        var (driver, profile) = HeadlessChromium.Start(width, 900);
        using var _ = profile;
        using var __ = driver;
        driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        var problems = new List<string>();
        foreach (var (path, name) in new[] { ("/review?lang=en", "review-index"), ($"/review/{ReviewSeed.Source}?lang=zh", "review-zh"), (Page, "review-refused") })
        {
            driver.Navigate().GoToUrl(Url(path));
            if (name == "review-refused")
            {
                // The page with all it can show: the validator's errors at their fields and in the verdict, the more fields open.
                var first = driver.FindElements(By.CssSelector("article.candidate")).First();
                first.FindElement(By.CssSelector("details.more summary")).Click();
                first.FindElement(By.CssSelector("input[name='value']")).SendKeys("x");
                new WebDriverWait(driver, TimeSpan.FromSeconds(30)).Until(_ => first.FindElement(By.CssSelector(".verdict")).GetAttribute("data-state") == "refused");
            }
            PageChecks.Save(driver, $"{name}-{width}");
            problems.AddRange(PageChecks.Problems(driver, $"{path} ({name}) at {width} px"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
