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
        var port = ApiProcess.FreePort();
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
        var started = ApiProcess.Start(start);
        using var api = started.Process;
        var output = started.Output;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await ApiProcess.WaitUntilAsync(async () => (await ApiProcess.TryStatusAsync(http, "/readyz")) == HttpStatusCode.OK, api, output, "ready");

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
            await ApiProcess.WaitUntilAsync(async () => await ApiProcess.TryStatusAsync(http, "/readyz") is null, api, output, "refusing new connections");
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
}
