using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpenHealthData.Tests.Support;

/// <summary>What the tests that start a real process (the built API, nginx) share: a free loopback port, the process's output, and a bounded wait.</summary>
public static class ApiProcess
{
    /// <summary>A loopback port that was free a moment ago (the process started next binds it).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Starts the process and collects its standard output and error, line by line, for the test's assertions and failure messages.</summary>
    public static (Process Process, ConcurrentQueue<string> Output) Start(ProcessStartInfo start)
    {
        var process = Process.Start(start)!;
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    /// <summary>The status of GET path, or null while nothing answers.</summary>
    public static async Task<HttpStatusCode?> TryStatusAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Polls (bounded: two minutes) until the condition holds; fails with the process's output when it exits or never does.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, Process api, IEnumerable<string> output, string what)
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(2); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            if (await condition()) return;
            Assert.False(api.HasExited, $"The API exited before {what}:\n{string.Join('\n', output.TakeLast(30))}");
        }
        Assert.Fail($"The API was not {what} within two minutes:\n{string.Join('\n', output.TakeLast(30))}");
    }
}
