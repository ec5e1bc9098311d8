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
        Skip.IfNot(BuiltApi.IsBuilt, $"the API's build output is not at {BuiltApi.BinFolder}");
        await using var api = await BuiltApi.StartAsync(); // from an empty folder, in Production
        var (http, output) = (api.Http, api.Output);

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
}
