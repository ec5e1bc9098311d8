using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Search;

/// <summary>
/// The relevance benchmark of bench/relevance/queries.tsv: every query through GET /api/v1/search, scored by where
/// the first expected figure comes (success@1, success@3, reciprocal rank), overall and per class; printed, and
/// the test fails when the scores fall below what the search reached (bench/README.md has the figures).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RelevanceBenchmarkTests(ApiFactory api, ITestOutputHelper output)
{
    /// <summary>The floors: the level the search reached (success@3 99.0 %, MRR 0.955, at the commit that set them), rounded down.</summary>
    private const double MinSuccessAt3 = 0.985, MinReciprocalRank = 0.945; // the levels reached on the merged data of issues 23-26 (bench/README.md)

    public static string QueriesFile => Path.Combine(RepoPaths.Root, "bench", "relevance", "queries.tsv");

    private static readonly Dictionary<string, string> Sources = new()
    {
        ["yueqing-"] = "yueqing-2023-work-summary-", ["jiangxi-"] = "jiangxi-2024-inspection-rectification-",
        ["lvliang-"] = "lvliang-2023-work-conference-", ["shanxi-"] = "shanxi-2023-theme-education-", ["wenxi-"] = "wenxi-2024-seven-strengthenings-",
    };

    private static string FullId(string id) => Sources.Where(s => id.StartsWith(s.Key, StringComparison.Ordinal)).Select(s => s.Value + id[s.Key.Length..]).Single();

    public static List<(string Class, string Query, HashSet<string> Expected)> Queries() =>
        [.. File.ReadLines(QueriesFile).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1], p[2].Split(',').Select(id => FullId(id.Trim())).ToHashSet(StringComparer.Ordinal)))];

    [Fact]
    public async Task Queries_as_people_type_them_find_the_figures_they_expect()
    {
        var queries = Queries();
        Assert.True(queries.Count >= 150, $"{queries.Count} queries");
        await using var db = api.OpenDatabase();
        var ids = db.Observations.Select(o => o.Id).ToHashSet();
        Assert.All(queries.SelectMany(q => q.Expected), id => Assert.Contains(id, ids)); // the file names real figures

        var client = api.CreateClient();
        var ranks = new List<(string Class, string Query, int Rank)>();
        foreach (var (cls, query, expected) in queries)
        {
            var body = await client.GetStringAsync($"/api/v1/search?first=10&q={Uri.EscapeDataString(query)}");
            var found = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("observation").GetProperty("id").GetString()!).ToList();
            var rank = found.FindIndex(expected.Contains) + 1; // 0: not in the first 10
            ranks.Add((cls, query, rank));
        }

        string Line(string name, IReadOnlyCollection<(string Class, string Query, int Rank)> r) => string.Create(CultureInfo.InvariantCulture,
            $"{name,-10} {r.Count,4} {r.Count(x => x.Rank == 1) / (double)r.Count,8:P1} {r.Count(x => x.Rank is >= 1 and <= 3) / (double)r.Count,8:P1} {r.Average(x => x.Rank == 0 ? 0 : 1.0 / x.Rank),6:F3}");
        output.WriteLine($"{"class",-10} {"n",4} {"success@1",8} {"success@3",8} {"MRR",6}");
        foreach (var group in ranks.GroupBy(r => r.Class)) output.WriteLine(Line(group.Key, [.. group]));
        output.WriteLine(Line("all", ranks));
        foreach (var miss in ranks.Where(r => r.Rank is 0 or > 3)) output.WriteLine($"  not in the first 3: [{miss.Class}] {miss.Query} (rank {(miss.Rank == 0 ? "> 10" : miss.Rank)})");

        var successAt3 = ranks.Count(x => x.Rank is >= 1 and <= 3) / (double)ranks.Count;
        var mrr = ranks.Average(x => x.Rank == 0 ? 0 : 1.0 / x.Rank);
        Assert.True(successAt3 >= MinSuccessAt3, $"success@3 {successAt3:P1} < {MinSuccessAt3:P0}");
        Assert.True(mrr >= MinReciprocalRank, $"MRR {mrr:F3} < {MinReciprocalRank}");
    }
}
