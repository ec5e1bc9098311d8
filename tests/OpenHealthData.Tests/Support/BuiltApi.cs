using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace OpenHealthData.Tests.Support;

/// <summary>
/// The built API (the build output of src/OpenHealthData.Api, as `dotnet path/to/OpenHealthData.Api.dll` runs it) as a
/// process of its own: in Production, on a free loopback port, over the seed data with its own database, started
/// from an empty working directory, rate limit off unless the settings say otherwise. Its CPU time is its own,
/// apart from the test's; stopped when disposed.
/// </summary>
public sealed class BuiltApi : IAsyncDisposable
{
    private readonly TempFolder _folder;

    private BuiltApi(TempFolder folder, Process process, ConcurrentQueue<string> output, HttpClient http) =>
        (_folder, Process, Output, Http) = (folder, process, output, http);

    public Process Process { get; }
    /// <summary>What the process wrote to standard output and error, line by line.</summary>
    public ConcurrentQueue<string> Output { get; }
    /// <summary>A client of the process; redirects are not followed.</summary>
    public HttpClient Http { get; }
    /// <summary>The folder the process was started in (nothing of the app's is there).</summary>
    public string WorkingDirectory => _folder.Path;

    /// <summary>The API's build output beside the tests' own configuration (Debug under `dotnet test`).</summary>
    public static string BinFolder
    {
        get
        {
            var tests = Path.GetDirectoryName(typeof(OpenHealthData.Api.Program).Assembly.Location)!;
            return Path.Combine(RepoPaths.Root, "src", "OpenHealthData.Api", "bin", new DirectoryInfo(tests).Parent!.Name, "net10.0");
        }
    }

    public static bool IsBuilt => File.Exists(Path.Combine(BinFolder, "OpenHealthData.Api.runtimeconfig.json"));

    /// <summary>Starts the process and waits (bounded) until /readyz answers 200.</summary>
    /// <param name="settings">Further host options, as pairs: "--Limits:ExecutionTimeoutSeconds", "0.05".</param>
    public static async Task<BuiltApi> StartAsync(params string[] settings)
    {
        var folder = RepoPaths.NewTempFolder();
        var port = ApiProcess.FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[
            Path.Combine(BinFolder, "OpenHealthData.Api.dll"), "--urls", $"http://127.0.0.1:{port}",
            "--Data:SeedDirectory", RepoPaths.SeedData, "--Data:DatabasePath", folder.File("ohd.db"), "--RateLimiting:Enabled", "false", .. settings])
            start.ArgumentList.Add(argument);
        foreach (var variable in new[] { "DOTNET_ENVIRONMENT", "ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT", "Logging__LogLevel__Default" })
            start.Environment.Remove(variable);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var (process, output) = ApiProcess.Start(start);
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var api = new BuiltApi(folder, process, output, http);
        try
        {
            await ApiProcess.WaitUntilAsync(async () => await ApiProcess.TryStatusAsync(http, "/readyz") == HttpStatusCode.OK, process, output, "ready");
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
        return api;
    }

    /// <summary>The CPU time the process has used so far (utime + stime of /proc/&lt;pid&gt;/stat), and that of its background JIT threads.</summary>
    public CpuSample SampleCpu()
    {
        var jit = new Dictionary<int, TimeSpan>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{Process.Id}/task"))
        {
            string stat;
            try { stat = File.ReadAllText(Path.Combine(task, "stat")); }
            catch (IOException) { continue; } // the thread ended meanwhile
            if (stat.Contains("(.NET Tiered Com", StringComparison.Ordinal)) jit[int.Parse(Path.GetFileName(task))] = Ticks(stat);
        }
        return new(Ticks(File.ReadAllText($"/proc/{Process.Id}/stat")), jit);
    }

    /// <summary>utime + stime of a stat line: fields 14 and 15, counted after the command name, which may hold spaces.</summary>
    private static TimeSpan Ticks(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / (double)ClockTicksPerSecond);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "sysconf")]
    private static extern long SysConf(int name);

    private static readonly long ClockTicksPerSecond = SysConf(2); // _SC_CLK_TCK

    /// <summary>
    /// CPU time of the process, and by thread that of the runtime's tiered compilation: a method called often is
    /// compiled again, optimised, on a background thread, once, whichever request made it hot.
    /// </summary>
    public readonly record struct CpuSample(TimeSpan Total, IReadOnlyDictionary<int, TimeSpan> Jit)
    {
        /// <summary>CPU used since the earlier sample by the JIT's background threads.</summary>
        public TimeSpan JitSince(CpuSample earlier) =>
            Jit.Aggregate(TimeSpan.Zero, (sum, thread) => sum + thread.Value - earlier.Jit.GetValueOrDefault(thread.Key));

        /// <summary>CPU used since the earlier sample by everything else: the work of requests, timers, the GC.</summary>
        /// <remarks>The process's and the threads' counts are read a moment apart: a tick either way, so never below zero.</remarks>
        public TimeSpan WorkSince(CpuSample earlier) => TimeSpan.FromTicks(Math.Max(0, (Total - earlier.Total - JitSince(earlier)).Ticks));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
        Process.Dispose();
        _folder.Dispose();
    }
}
