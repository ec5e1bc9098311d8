using System.Globalization;
using System.Text.Json;
using OpenHealthData.Tests.Support;
using OpenQA.Selenium.Chrome;

namespace OpenHealthData.Tests.PeopleFacing;

/// <summary>
/// What the browser tests check of every page they open, at every width: no sideways scrolling, no serious or critical
/// axe-core violation; and the whole page kept as a screenshot, for a person to look at.
/// </summary>
public static class PageChecks
{
    public static readonly string Screenshots = Path.Combine(RepoPaths.Root, "tests", "OpenHealthData.Tests", "TestResults", "screenshots");

    private static readonly Lazy<string> Axe = new(() => File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "OpenHealthData.Tests", "PeopleFacing", "axe", "axe.min.js")));

    /// <summary>The problems of the page now open, each starting with where (e.g. "/explore at 375 px").</summary>
    public static IEnumerable<string> Problems(ChromeDriver driver, string where)
    {
        var overflow = Convert.ToInt64(driver.ExecuteScript("return document.documentElement.scrollWidth - window.innerWidth;"), CultureInfo.InvariantCulture);
        if (overflow > 1) yield return $"{where} is {overflow} px wider than the window";

        driver.ExecuteScript(Axe.Value);
        var json = (string?)driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })))))
              .catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));
            """);
        foreach (var v in JsonDocument.Parse(json ?? "[]").RootElement.EnumerateArray())
            if (v.GetProperty("impact").GetString() is "serious" or "critical")
                yield return $"{where}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} — {string.Join(", ", v.GetProperty("nodes").EnumerateArray())}";
    }

    /// <summary>The whole page, beyond the viewport, as a PNG kept as a test artefact.</summary>
    public static void Save(ChromeDriver driver, string name)
    {
        Directory.CreateDirectory(Screenshots);
        var shot = (Dictionary<string, object?>?)driver.ExecuteCdpCommand("Page.captureScreenshot", new Dictionary<string, object?>
        {
            ["format"] = "png", ["captureBeyondViewport"] = true,
        });
        File.WriteAllBytes(Path.Combine(Screenshots, name + ".png"), Convert.FromBase64String((string)shot!["data"]!));
    }
}
