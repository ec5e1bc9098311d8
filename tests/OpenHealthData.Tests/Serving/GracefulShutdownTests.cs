using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using OpenHealthData.Api.Serving;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Serving;

/// <summary>
/// The API as a real process, as an orchestrator runs it: SIGTERM stops it accepting connections and lets a request
/// in flight (a slow client still sending its body) finish before it exits; its logs are JSON lines with the request's
/// id, status, duration and query hash.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class GracefulShutdownTests
{
    [SkippableFact]
    public async Task Sigterm_finishes_the_request_in_flight_refuses_new_connections_and_exits_0()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "sends SIGTERM with kill(1)");
        var bin = Path.GetDirectoryName(typeof(OpenHealthData.Api.Program).Assembly.Location)!;
        var apiBin = Path.Combine(RepoPaths.Root, "src", "OpenHealthData.Api", "bin", new DirectoryInfo(bin).Parent!.Name, "net10.0");
        Skip.IfNot(File.Exists(Path.Combine(apiBin, "OpenHealthData.Api.runtimeconfig.json")), $"the API's build output is not at {apiBin}");

        using var folder = RepoPaths.NewTempFolder();
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = apiBin,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "OpenHealthData.Api.dll", "--urls", $"http://127.0.0.1:{port}", "--Data:SeedDirectory", RepoPaths.SeedData,
                "--Data:DatabasePath", folder.File("ohd.db"), "--Shutdown:DrainSeconds", "20",
                "--Logging:Console:FormatterName", "json", "--RequestLogging:Enabled", "true",
            },
        };
        using var api = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        api.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        api.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        api.BeginOutputReadLine();
        api.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilAsync(async () => (await TryGetAsync(http, "/readyz")) == HttpStatusCode.OK, api, output, "ready");

            // A slow client: headers and half its body, then it waits for 100 Continue, the sign its request is being read.
            const string query = "{ region(code: \"330382\") { nameEn } }";
            var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query }));
            using var slow = new TcpClient();
            await slow.ConnectAsync(IPAddress.Loopback, port);
            var stream = slow.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Request-Id: slow-client-1\r\n" +
                $"Content-Length: {body.Length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"));
            var reader = new StreamReader(stream, Encoding.UTF8);
            var continueLine = await reader.ReadLineAsync();
            Assert.Equal("HTTP/1.1 100 Continue", continueLine);
            Assert.Equal("", await reader.ReadLineAsync());
            await stream.WriteAsync(body.AsMemory(0, body.Length / 2));

            using (var term = Process.Start("kill", ["-TERM", api.Id.ToString()])) await term.WaitForExitAsync();
            await WaitUntilAsync(async () => await TryGetAsync(http, "/readyz") is null, api, output, "refusing new connections");
            Assert.False(api.HasExited);

            await stream.WriteAsync(body.AsMemory(body.Length / 2));
            var answer = await reader.ReadToEndAsync();
            Assert.StartsWith("HTTP/1.1 200 OK", answer);
            Assert.Contains("Yueqing City", answer);

            await api.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
            Assert.Equal(0, api.ExitCode);

            var logged = output.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement)
                .Where(e => e.GetProperty("Category").GetString() == RequestLog.Category).Select(e => e.GetProperty("State"))
                .Single(s => s.GetProperty("RequestId").GetString() == "slow-client-1");
            Assert.Equal(200, logged.GetProperty("Status").GetInt32());
            Assert.Equal("POST", logged.GetProperty("Method").GetString());
            Assert.Equal(PersistedQueries.Sha256(query), logged.GetProperty("QueryHash").GetString());
            Assert.True(logged.GetProperty("DurationMs").GetDouble() > 0);
        }
        finally
        {
            if (!api.HasExited) api.Kill(entireProcessTree: true);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<HttpStatusCode?> TryGetAsync(HttpClient http, string path)
    {
        try { return (await http.GetAsync(path)).StatusCode; }
        catch (HttpRequestException) { return null; }
    }

    /// <summary>Polls (bounded: two minutes) until the condition holds; fails with the process's output when it exits or never does.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Process api, IEnumerable<string> output, string what)
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(2); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            if (await condition()) return;
            Assert.False(api.HasExited, $"The API exited before {what}:\n{string.Join('\n', output.TakeLast(30))}");
        }
        Assert.Fail($"The API was not {what} within two minutes:\n{string.Join('\n', output.TakeLast(30))}");
    }
}
