using System.Diagnostics;
using System.Net;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Hardening;

/// <summary>
/// The built binary started from another folder, in Production, as `dotnet path/to/OpenHealthData.Api.dll` from the
/// repository root would: it finds its own appsettings.json and wwwroot (content root = its folder), so the explorer's
/// assets and GraphiQL are served and framework logging stays at Warning.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class StartAnywhereTests
{
    [SkippableFact]
    public async Task The_binary_started_from_another_folder_serves_its_assets_and_logs_at_warning()
    {
        var bin = Path.GetDirectoryName(typeof(OpenHealthData.Api.Program).Assembly.Location)!;
        var apiBin = Path.Combine(RepoPaths.Root, "src", "OpenHealthData.Api", "bin", new DirectoryInfo(bin).Parent!.Name, "net10.0");
        Skip.IfNot(File.Exists(Path.Combine(apiBin, "OpenHealthData.Api.runtimeconfig.json")), $"the API's build output is not at {apiBin}");

        using var folder = RepoPaths.NewTempFolder(); // the working directory: nothing of the app's is here
        var port = ApiProcess.FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                Path.Combine(apiBin, "OpenHealthData.Api.dll"), "--urls", $"http://127.0.0.1:{port}",
                "--Data:SeedDirectory", RepoPaths.SeedData, "--Data:DatabasePath", folder.File("ohd.db"),
            },
        };
        foreach (var variable in new[] { "DOTNET_ENVIRONMENT", "ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT", "Logging__LogLevel__Default" })
            start.Environment.Remove(variable);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var started = ApiProcess.Start(start);
        using var api = started.Process;
        var output = started.Output;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await ApiProcess.WaitUntilAsync(async () => await ApiProcess.TryStatusAsync(http, "/readyz") == HttpStatusCode.OK, api, output, "ready");

            foreach (var (path, type) in new[] { ("/explore.css", "text/css"), ("/explore.js", "text/javascript"), ("/site.css", "text/css") })
            {
                using var asset = await http.GetAsync(path);
                Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{path}: {(int)asset.StatusCode}");
                Assert.Equal(type, asset.Content.Headers.ContentType?.MediaType);
                Assert.True((await asset.Content.ReadAsByteArrayAsync()).Length > 100, path);
            }

            using var ide = new HttpRequestMessage(HttpMethod.Get, "/graphql");
            ide.Headers.Add("Accept", "text/html");
            using var page = await http.SendAsync(ide);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);

            using var explorer = await http.GetAsync("/explore");
            Assert.Equal(HttpStatusCode.OK, explorer.StatusCode);

            // appsettings.json was read: Microsoft.AspNetCore logs at Warning, so none of the requests above is logged.
            await Task.Delay(300);
            var framework = output.Where(l => l.Contains("info: Microsoft.AspNetCore", StringComparison.Ordinal)).ToList();
            Assert.True(framework.Count == 0, "framework logging at Information:\n" + string.Join("\n", framework.Take(5)));
        }
        finally
        {
            if (!api.HasExited) api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync();
        }
    }
}
