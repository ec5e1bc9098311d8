using OpenHealthData.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace OpenHealthData.Tests.PeopleFacing;

/// <summary>
/// Debian's chromium under chromedriver, as every browser test starts it: headless, offline, its own throw-away
/// profile, the browser's console kept (CSP violations and uncaught errors), and the viewport set to the width asked
/// for. Without the two packages the calling test is skipped with that reason (tests/setup.sh installs them).
/// </summary>
public static class HeadlessChromium
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    public static (ChromeDriver Driver, TempFolder Profile) Start(int width, int height)
    {
        Skip.IfNot(File.Exists(Chromium) && File.Exists(Driver),
            $"needs {Chromium} and {Driver} (Debian packages chromium, chromium-driver); run tests/setup.sh");
        var profile = RepoPaths.NewTempFolder();
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
            $"--window-size={width},{height}", $"--user-data-dir={profile.Path}");
        options.SetLoggingPreference(LogType.Browser, OpenQA.Selenium.LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        // A window cannot be narrower than about 500 px; the viewport of a phone is set as device metrics instead.
        driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = width < 600,
        });
        return (driver, profile);
    }
}
