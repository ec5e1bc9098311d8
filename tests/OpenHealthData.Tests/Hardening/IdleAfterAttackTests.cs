using System.Diagnostics;
using System.Text;
using System.Text.Json;
using OpenHealthData.Tests.Support;
using Xunit.Abstractions;

namespace OpenHealthData.Tests.Hardening;

/// <summary>
/// Issue 22's attacks sent to the built API running as its own process: each is refused with a 4xx GraphQL error
/// whose code and message name the limit and the size seen, and the server is idle from its answer on: in the second
/// after it, it uses under 10 % of one core (the issue asks for idle within a second; the attacks pinned 190 %).
/// What is measured is the server process's own CPU time (utime + stime of /proc/&lt;pid&gt;/stat), not the
/// machine's load, so other work on the machine does not move it; the runtime's background recompilation of hot
/// methods (tiered compilation: once per method, whichever request made it hot) is counted apart and printed. How
/// long each answer took is printed, not asserted (timings are for bench/hostile-load.py, which fails an attack
/// over 100 ms). The one query that gets past validation and runs too long (no valid query runs near the 10 s limit
/// on this data, so a second server has a 0.001 s limit) is stopped: 503 TIMEOUT, then idle too.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class IdleAfterAttackTests(ITestOutputHelper output)
{
    /// <summary>
    /// Idle: under 10 % of one core over the window. This server, untouched, uses 10–40 ms a second (timers, the GC,
    /// counted in 10 ms ticks); an attack that kept working would use up to 2,000.
    /// </summary>
    private static readonly TimeSpan IdleBound = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private const int WarmUpRounds = 3;

    /// <summary>The heaviest valid query on the seed data (2.3 MB, 0.05–0.2 s here): within every limit, but not within 0.001 s.</summary>
    private const string SlowButValid =
        "{ a: observations(first: 240) { nodes { quote source { observations(first: 500) { quote } } } } " +
        "b: observations(first: 240) { nodes { quote region { observations(first: 500) { quote } } } } }";

    private sealed record Attack(string Name, string Query, object? Variables, int Status, string Code, string Message, bool Timed = false);

    private static Attack[] All() =>
    [
        new("fragments F0..F25", Attacks.DoublingFragments(25), null, 400, "TOO_MANY_FIELDS", "The query selects 33554432 fields once its fragments are expanded; the limit is 2000."),
        new("fragments F0..F59", Attacks.DoublingFragments(59), null, 400, "TOO_MANY_FIELDS", "The query selects more than 10^15 fields once its fragments are expanded; the limit is 2000."),
        new("fragments F0..F150", Attacks.DoublingFragments(150), null, 400, "TOO_MANY_FIELDS", "The query selects more than 10^15 fields once its fragments are expanded; the limit is 2000."),
        new("region chain 15", Attacks.RegionChain(15), null, 400, "QUERY_TOO_DEEP", "Query is too nested to execute. Depth is 17 levels, maximum allowed on this endpoint is 15."),
        new("region fan-out 40", Attacks.RegionFanOut(40), null, 400, "QUERY_TOO_DEEP", "Query is too nested to execute. Depth is 42 levels, maximum allowed on this endpoint is 15."),
        new("400 deep sort keys", Attacks.OrderQuery, Attacks.DeepOrderKeys(400), 400, "TOO_MANY_ORDER_KEYS", "The argument 'order' of 'observations' has 400 sort keys; the limit is 10."),
        new("1,000 deep sort keys", Attacks.OrderQuery, Attacks.DeepOrderKeys(1_000), 400, "TOO_MANY_ORDER_KEYS", "The argument 'order' of 'observations' has 1000 sort keys; the limit is 10."),
        new("2,001 sort keys", Attacks.OrderQuery, Attacks.OrderKeys(2_001), 400, "TOO_MANY_ORDER_KEYS", "The argument 'order' of 'observations' has 2001 sort keys; the limit is 10."),
        new("or with 498 items", Attacks.ObservationFilterQuery, new { w = Attacks.YearList("or", 498) }, 400, "FILTER_TOO_LARGE", "The filter 'where' of 'observations' has 997 terms (and/or items, fields and operators); the limit is 100."),
        new("and with 498 items", Attacks.ObservationFilterQuery, new { w = Attacks.YearList("and", 498) }, 400, "FILTER_TOO_LARGE", "The filter 'where' of 'observations' has 997 terms (and/or items, fields and operators); the limit is 100."),
        new("or with 498 items on regions", Attacks.RegionFilterQuery, new { w = Attacks.CodeList(498) }, 400, "FILTER_TOO_LARGE", "The filter 'where' of 'regions' has 997 terms (and/or items, fields and operators); the limit is 100."),
        new("search with 997 items", Attacks.SearchFilterQuery, new { w = Attacks.YearList("or", 997) }, 400, "FILTER_TOO_LARGE", "The filter 'where' of 'search' has 1995 terms (and/or items, fields and operators); the limit is 100."),
        new("slow but valid, past a 0.001 s limit", SlowButValid, null, 503, "TIMEOUT", "The query ran longer than 0.001 s, the limit. Ask for fewer rows, or download a snapshot.", Timed: true),
    ];

    [SkippableFact]
    public async Task Every_attack_is_refused_by_its_limit_and_the_server_is_idle_from_its_answer_on()
    {
        Skip.IfNot(BuiltApi.IsBuilt, $"the API's build output is not at {BuiltApi.BinFolder}");
        var startingApi = BuiltApi.StartAsync();
        var startingTimed = BuiltApi.StartAsync("--Limits:ExecutionTimeoutSeconds", "0.001", "--ResponseCache:MaxBytes", "0");
        try
        {
            await Task.WhenAll(startingApi, startingTimed);
            var (api, timed) = (startingApi.Result, startingTimed.Result);
            var attacks = All();

            // Warm up: the first of each shape pays for the JIT, which is not what this test is about. Then wait for a
            // quiet second, the state each attack is measured from.
            for (var round = 0; round < WarmUpRounds; round++)
                foreach (var attack in attacks)
                    await SendAsync(attack.Timed ? timed : api, attack);
            foreach (var server in new[] { api, timed })
                Assert.True(await QuietAsync(server), $"the server did not go quiet after the warm-up:\n{string.Join('\n', server.Output.TakeLast(10))}");

            var rows = new List<(Attack Attack, double WallMs, TimeSpan RequestCpu, TimeSpan AfterCpu, TimeSpan AfterJit)>();
            foreach (var attack in attacks)
            {
                var server = attack.Timed ? timed : api;
                var before = server.SampleCpu();
                var wall = Stopwatch.StartNew();
                await SendAsync(server, attack);
                wall.Stop();
                var answered = server.SampleCpu();
                await Task.Delay(Window);
                var after = server.SampleCpu();
                rows.Add((attack, wall.Elapsed.TotalMilliseconds, answered.WorkSince(before), after.WorkSince(answered), after.JitSince(answered)));
            }

            output.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");
            output.WriteLine($"{"attack",-38} {"answer ms",9} {"server CPU ms in request",24} {"in the second after",19} {"JIT in that second",18}");
            foreach (var (attack, wallMs, requestCpu, afterCpu, afterJit) in rows)
                output.WriteLine($"{attack.Name,-38} {wallMs,9:F1} {requestCpu.TotalMilliseconds,24:F0} {afterCpu.TotalMilliseconds,19:F0} {afterJit.TotalMilliseconds,18:F0}");
            var busy = rows.Where(r => r.AfterCpu >= IdleBound).ToList();
            Assert.True(busy.Count == 0, "not idle after the answer: " + string.Join("; ", busy.Select(r => $"{r.Attack.Name}: {r.AfterCpu.TotalMilliseconds:F0} ms of CPU in {Window.TotalSeconds} s")));
        }
        finally
        {
            foreach (var starting in new[] { startingApi, startingTimed })
                if (starting.IsCompletedSuccessfully) await starting.Result.DisposeAsync();
        }
    }

    /// <summary>Waits (at most 15 s) for a second in which the server uses less than the idle bound.</summary>
    private static async Task<bool> QuietAsync(BuiltApi server)
    {
        for (var tries = 0; tries < 15; tries++)
        {
            var from = server.SampleCpu();
            await Task.Delay(Window);
            if (server.SampleCpu().WorkSince(from) < IdleBound) return true;
        }
        return false;
    }

    /// <summary>Sends the attack as a client that takes application/graphql-response+json (so a refusal is a 4xx) and checks the one error.</summary>
    private static async Task SendAsync(BuiltApi server, Attack attack)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = attack.Query, variables = attack.Variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Accept", "application/graphql-response+json");
        using var response = await server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(attack.Status == (int)response.StatusCode, $"{attack.Name}: {(int)response.StatusCode} {body}");
        var error = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal((attack.Code, attack.Message), (error.GetProperty("extensions").GetProperty("code").GetString(), error.GetProperty("message").GetString()));
    }
}
