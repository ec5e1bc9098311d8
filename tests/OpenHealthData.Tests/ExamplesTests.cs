using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests;

/// <summary>
/// The worked examples in examples/ run against the API on a real socket and print real figures, so they
/// cannot rot. python3 and node must be on PATH (they are on developer machines and in CI).
/// </summary>
[Collection(KestrelCollection.Name)]
public sealed class ExamplesTests(KestrelApiFactory api)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private const string YueqingActual2023 = """
        { observations(where: { region: { code: { eq: "330382" } }, year: { eq: 2023 }, kind: { eq: "actual" } }, first: 500) {
            nodes { value quote } } }
        """;

    [Fact]
    public async Task Python_figures_script_writes_summary_and_chart_and_prints_real_figures()
    {
        var python = RequireOnPath("python3");
        var baseUrl = BaseUrl();
        var figures = await FiguresAsync(YueqingActual2023);
        using var temp = RepoPaths.NewTempFolder();
        var outDir = temp.File("out");

        var run = await RunAsync(python, [Path.Combine(RepoPaths.Root, "examples", "python", "figures.py"), "--base", baseUrl, "--out", outDir]);

        Assert.True(run.ExitCode == 0, $"figures.py exited with {run.ExitCode}.{run}");
        Assert.True(run.Stdout.Contains("Paths taken:"), $"figures.py did not report its paths.{run}");

        var summary = Path.Combine(outDir, "summary.csv");
        Assert.True(File.Exists(summary), $"summary.csv was not written.{run}");
        var lines = File.ReadAllLines(summary, Encoding.UTF8).Where(l => l.Length > 0).ToList();
        Assert.True(lines.Count >= 2, $"summary.csv has no data rows: [{string.Join(" | ", lines)}]{run}");
        Assert.True(lines[0].StartsWith("source,", StringComparison.Ordinal), $"summary.csv header: {lines[0]}{run}");

        var png = Path.Combine(outDir, "chart.png");
        var svg = Path.Combine(outDir, "chart.svg");
        if (File.Exists(png))
        {
            var bytes = File.ReadAllBytes(png);
            Assert.True(bytes.Length > 8 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G', $"chart.png is not a PNG ({bytes.Length} bytes).{run}");
        }
        else
        {
            Assert.True(File.Exists(svg), $"Neither chart.png nor chart.svg was written.{run}");
            Assert.True(new FileInfo(svg).Length > 0, $"chart.svg is empty.{run}");
            var root = XDocument.Load(svg).Root;
            Assert.Equal("svg", root?.Name.LocalName);
        }

        // A figure from this server, with its value as the API gives it, on one line of the script's output.
        var printed = figures.Where(f => run.Stdout.Split('\n').Any(line => line.Contains(f.Quote) && line.Contains(f.Value))).ToList();
        Assert.True(printed.Count > 0, $"No Yueqing 2023 figure (value and quote) from the API appears in the output.{run}");
    }

    [Fact]
    public async Task Node_fetch_example_prints_figures_with_quotes_and_the_snapshot_listing()
    {
        var node = RequireOnPath("node");
        var baseUrl = BaseUrl();
        var figures = await FiguresAsync(YueqingActual2023);
        var current = await GetJsonAsync("/api/v1/snapshots");

        var run = await RunAsync(node, [Path.Combine(RepoPaths.Root, "examples", "js", "fetch.mjs"), baseUrl]);

        Assert.True(run.ExitCode == 0, $"fetch.mjs exited with {run.ExitCode}.{run}");
        Assert.True(figures.Any(f => run.Stdout.Contains(f.Quote)), $"No quote returned by the API appears in the output.{run}");
        Assert.True(run.Stdout.Contains("GET /graphql, persisted query ") && run.Stdout.Contains("Cache-Control: public, max-age="),
            $"The example did not fetch with a cacheable persisted-query GET.{run}");
        Assert.True(run.Stdout.Contains(current.GetProperty("current").GetString()!), $"The current snapshot id is not in the output.{run}");
    }

    /// <summary>
    /// The notebook's code cells run in order against this server (Debian's pandas and matplotlib, which
    /// tests/setup.sh installs), and print the figures the database holds; the committed notebook keeps its outputs.
    /// </summary>
    [SkippableFact]
    public async Task Notebook_runs_its_cells_against_the_api_and_prints_the_real_tables()
    {
        var python = PythonWith("pandas", "matplotlib");
        Skip.If(python is null, "needs a python3 that imports pandas and matplotlib (Debian python3-pandas, python3-matplotlib; tests/setup.sh installs them)");
        var notebook = Path.Combine(RepoPaths.Root, "examples", "python", "notebook.ipynb");
        var runner = Path.Combine(RepoPaths.Root, "examples", "python", "run_notebook.py");
        _ = api.SocketClient(); // start the server before reading its database
        await using var db = api.OpenDatabase();
        var observations = await db.Observations.CountAsync();
        var metrics = await db.Metrics.ToDictionaryAsync(m => m.Code);
        var groups = OpenHealthData.Data.Comparing.Comparison.Groups(await db.Observations.ToListAsync(), metrics.GetValueOrDefault);

        var run = await RunAsync(python!, [runner, notebook, "--base", BaseUrl()]);

        Assert.True(run.ExitCode == 0, $"the notebook failed.{run}");
        Assert.True(run.Stdout.Contains($"{observations} observations,"), $"the notebook did not load all {observations} observations.{run}");
        Assert.True(run.Stdout.Contains($"{groups.Count} comparable groups, {groups.Sum(g => g.Observations.Count)} figures"), $"the comparable table differs from the database's groups.{run}");
        Assert.True(run.Stdout.Contains("[figure: "), $"the notebook drew no chart.{run}");

        // Committed with its outputs, so that it reads well on a code host without being run.
        var cells = JsonDocument.Parse(await File.ReadAllTextAsync(notebook)).RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code").ToList();
        Assert.All(cells, c => Assert.True(c.GetProperty("outputs").GetArrayLength() > 0, $"a code cell has no output: {c.GetProperty("source")}"));
        Assert.Contains(cells, c => c.GetProperty("outputs").EnumerateArray().Any(o => o.TryGetProperty("data", out var d) && d.TryGetProperty("image/png", out _)));
    }

    /// <summary>The first python3 (Debian's, then the one on PATH) that imports every module; null when none does.</summary>
    private static string? PythonWith(params string[] modules)
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(candidate, ["-c", "import " + string.Join(", ", modules)])
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                });
                if (process is null) continue;
                process.WaitForExit(30_000);
                if (process.HasExited && process.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception) { } // not installed
        }
        return null;
    }

    private string BaseUrl() => api.SocketClient().BaseAddress!.ToString().TrimEnd('/');

    private sealed record Figure(string Value, string Quote);

    /// <summary>Figures fetched from the same server over GraphQL; values formatted as the examples print them.</summary>
    private async Task<List<Figure>> FiguresAsync(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        using var response = await api.SocketClient().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        Assert.False(json.TryGetProperty("errors", out var errors), $"GraphQL errors: {errors}");
        var figures = json.GetProperty("data").GetProperty("observations").GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("value").ValueKind == JsonValueKind.Number)
            .Select(n => new Figure(n.GetProperty("value").GetDouble().ToString("R", CultureInfo.InvariantCulture), n.GetProperty("quote").GetString()!))
            .ToList();
        Assert.NotEmpty(figures);
        return figures;
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await api.SocketClient().GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The full path of an executable on PATH; fails the test (no skipping) when it is missing.</summary>
    private static string RequireOnPath(string name)
    {
        var names = OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd", name } : [name];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var candidate in names)
            {
                var path = Path.Combine(dir, candidate);
                if (File.Exists(path)) return path;
            }
        Assert.Fail($"'{name}' was not found on PATH ({Environment.GetEnvironmentVariable("PATH")}). The examples tests need {name}: install it and put it on PATH.");
        return name; // not reached
    }

    private sealed record Run(int ExitCode, string Stdout, string Stderr, string Command)
    {
        public override string ToString() => $"\n$ {Command}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
    }

    private static async Task<Run> RunAsync(string fileName, string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        info.Environment.Remove("OHD_BASE");
        var command = fileName + " " + string.Join(" ", arguments);

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + command);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"Timed out after {Timeout.TotalSeconds} s.{new Run(-1, await stdout, await stderr, command)}");
        }
        return new Run(process.ExitCode, await stdout, await stderr, command);
    }
}
