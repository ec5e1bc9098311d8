using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using OpenHealthData.Tests.Support;
using Xunit.Abstractions;

namespace OpenHealthData.Tests.Hardening;

/// <summary>
/// The CI-sized form of bench/hostile-load.py: the built API as its own process, four clients sending good queries
/// (each with a fresh comment, so the response cache does not answer), alone, then with two clients sending issue
/// 22's attacks back to back beside them. The phases alternate, AB BA AB BA (a machine that gets busier or quieter
/// during the run weighs on both), and the good requests' p99, the median over the rounds, may not more than double
/// with the attacks mixed in. The figures are printed. About 25 s.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class HostileLoadTests(ITestOutputHelper output)
{
    private const int Rounds = 4;
    private const int GoodClients = 4;
    private const int HostileClients = 2;
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(2);

    private static readonly string[] Good =
    [
        "{ region(code: \"330382\") { nameEn parent { nameEn } } }",
        "{ observations(first: 20, where: { year: { eq: 2023 } }) { totalCount nodes { id value quote } } }",
        "{ search(text: \"结核\", first: 10) { totalCount } }",
    ];

    /// <summary>The attacks of bench/hostile-load.py and the code each is refused with.</summary>
    private static readonly (byte[] Body, string Code)[] Hostile =
    [
        (Body(Attacks.DoublingFragments(59)), "TOO_MANY_FIELDS"),
        (Body(Attacks.DoublingFragments(150)), "TOO_MANY_FIELDS"),
        (Body(Attacks.RegionChain(40)), "QUERY_TOO_DEEP"),
        (Body(Attacks.OrderQuery, Attacks.DeepOrderKeys(1_000)), "TOO_MANY_ORDER_KEYS"),
        (Body(Attacks.ObservationFilterQuery, new { w = Attacks.YearList("or", 498) }), "FILTER_TOO_LARGE"),
    ];

    private static byte[] Body(string query, object? variables = null) => JsonSerializer.SerializeToUtf8Bytes(new { query, variables });

    private sealed record Result(double P50, double P99, int Good, int Hostile);

    [SkippableFact]
    public async Task The_good_requests_p99_does_not_double_with_the_attacks_mixed_in()
    {
        Skip.IfNot(BuiltApi.IsBuilt, $"the API's build output is not at {BuiltApi.BinFolder}");
        await using var api = await BuiltApi.StartAsync();

        await RunAsync(api.Http, hostile: true); // warm-up: the JIT, the thread pool, the connections
        var alone = new List<Result>();
        var mixed = new List<Result>();
        for (var round = 1; round <= Rounds; round++)
            foreach (var hostile in round % 2 == 1 ? new[] { false, true } : [true, false])
            {
                var result = await RunAsync(api.Http, hostile);
                (hostile ? mixed : alone).Add(result);
                output.WriteLine($"round {round} {(hostile ? "with attacks" : "good alone  ")}: p50 {result.P50,6:F1} ms  p99 {result.P99,6:F1} ms  ({result.Good} good, {result.Hostile} hostile requests)");
            }

        var (aloneP99, mixedP99) = (Median(alone.Select(r => r.P99)), Median(mixed.Select(r => r.P99)));
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        output.WriteLine($"good p99, median of {Rounds} rounds: alone {aloneP99:F1} ms, with attacks {mixedP99:F1} ms: ratio {mixedP99 / aloneP99:F2} (limit 2.0)");
        Assert.All(mixed, r => Assert.True(r.Hostile > 0, "no attack was sent"));
        Assert.True(mixedP99 <= 2 * aloneP99, $"the good requests' p99 rose from {aloneP99:F1} to {mixedP99:F1} ms with the attacks mixed in");
    }

    /// <summary>One phase: the good clients (and the hostile ones) in closed loops for <see cref="Phase"/>; the good requests' latencies.</summary>
    private static async Task<Result> RunAsync(HttpClient http, bool hostile)
    {
        var clock = Stopwatch.StartNew();
        var good = Enumerable.Range(0, GoodClients).Select(async client =>
        {
            var latencies = new List<double>();
            for (var i = client; clock.Elapsed < Phase; i++)
            {
                var body = Body($"# {Guid.NewGuid():N}\n{Good[i % Good.Length]}");
                var start = Stopwatch.GetTimestamp();
                var answer = await PostAsync(http, body);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Assert.True(answer.Status == HttpStatusCode.OK && answer.Text.StartsWith("{\"data\"", StringComparison.Ordinal) && !answer.Text.Contains("\"errors\"", StringComparison.Ordinal),
                    $"a good request failed: {(int)answer.Status} {answer.Text[..Math.Min(300, answer.Text.Length)]}");
            }
            return latencies;
        }).ToList();
        var attacks = Enumerable.Range(0, hostile ? HostileClients : 0).Select(async client =>
        {
            var sent = 0;
            for (var i = client; clock.Elapsed < Phase; i++, sent++)
            {
                var (body, code) = Hostile[i % Hostile.Length];
                var answer = await PostAsync(http, body);
                Assert.True(answer.Text.Contains($"\"code\":\"{code}\"", StringComparison.Ordinal), $"an attack was not refused with {code}: {(int)answer.Status} {answer.Text[..Math.Min(300, answer.Text.Length)]}");
            }
            return sent;
        }).ToList();

        var all = (await Task.WhenAll(good)).SelectMany(l => l).Order().ToArray();
        var hostileSent = (await Task.WhenAll(attacks)).Sum();
        return new(all[all.Length / 2], all[Math.Min(all.Length - 1, (int)(all.Length * 0.99))], all.Length, hostileSent);
    }

    private static async Task<(HttpStatusCode Status, string Text)> PostAsync(HttpClient http, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await http.PostAsync("/graphql", content);
        return (response.StatusCode, Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
