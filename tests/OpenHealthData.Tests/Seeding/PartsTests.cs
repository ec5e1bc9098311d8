using System.Text.Json;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Seeding;

/// <summary>A figure that is part of another (其中, 含, of which) names its total in partOf, so that no sum counts it twice.</summary>
[Collection(ApiCollection.Name)]
public sealed class PartsTests(ApiFactory api)
{
    private static readonly string[] Markers = ["其中", "含"];

    /// <summary>
    /// Clauses after a marker that are not breakdowns of what came before it, each with the reason a reviewer accepted.
    /// </summary>
    private static readonly Dictionary<string, string> NotParts = new()
    {
        ["yueqing-2023-work-summary-113"] = "招考基层定向培养生50人 is its own clause after 其中硕士研究生以上38名: oriented trainees, not among the 228 graduates",
    };

    /// <summary>
    /// In every sentence of the seed with 其中 or 含, a figure written after the marker in the unit of a figure written
    /// before it is a part of that figure and must name it in partOf; a figure in another unit (a share, a rank) is not a part.
    /// </summary>
    [Fact]
    public void Every_figure_after_of_which_names_its_total()
    {
        var (set, errors) = SeedReader.TryRead(RepoPaths.SeedData);
        Assert.True(set is not null, string.Join("\n", errors.Take(10)));
        var problems = new List<string>();
        var sentences = 0;
        foreach (var sentence in set.Observations.GroupBy(o => (o.SourceId, o.Sentence)))
        {
            var text = sentence.Key.Sentence;
            var marker = Markers.Select(m => text.IndexOf(m, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            if (marker < 0) continue;
            sentences++;
            // A bracketed "(含…)" covers what is in the brackets; 其中 the rest of the sentence.
            var scopeEnd = marker > 0 && text[marker - 1] is '(' or '（' ? text.IndexOfAny([')', '）'], marker) : text.Length;
            int At(Data.Model.Observation o) => text.IndexOf(o.Quote.Replace("\n", ""), StringComparison.Ordinal) is var q and >= 0
                ? text.IndexOf(o.ValueAsWritten.Replace("\n", ""), q, StringComparison.Ordinal) : -1;
            var before = sentence.Where(o => At(o) is >= 0 and var a && a < marker).ToList();
            foreach (var part in sentence.Where(o => At(o) is var a && a > marker && a < scopeEnd && !NotParts.ContainsKey(o.Id)))
            {
                var totals = before.Where(t => t.Unit == part.Unit && t.Kind == part.Kind).ToList();
                if (totals.Count == 0) continue; // another unit: a share or a rank, not a part
                if (part.PartOf is null || !totals.Any(t => t.Id == part.PartOf))
                    problems.Add($"{part.Id} ({part.ValueAsWritten}) is written after the marker; partOf is '{part.PartOf}', expected one of {string.Join(", ", totals.Select(t => t.Id))}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(sentences >= 6, $"only {sentences} sentences with 其中 or 含");
        // Every part is smaller than its total and in its unit (the validator's rule, checked here on the loaded set).
        var byId = set.Observations.ToDictionary(o => o.Id);
        var parts = set.Observations.Where(o => o.PartOf is not null).ToList();
        Assert.True(parts.Count >= 10, $"{parts.Count} parts");
        Assert.All(parts, p => Assert.True(byId[p.PartOf!].Unit == p.Unit && p.Value <= byId[p.PartOf!].Value, p.Id));
        Assert.Equal("yueqing-2023-work-summary-056", byId["yueqing-2023-work-summary-057"].PartOf);
    }

    [Fact]
    public async Task PartOf_is_served_by_graphql_rest_and_the_tables()
    {
        var data = await api.GraphQLAsync("""{ observation(id: "yueqing-2023-work-summary-057") { partOf total { id value } } parts: observations(where: { partOf: { eq: "shanxi-2023-theme-education-048" } }) { totalCount } }""");
        Assert.Equal("yueqing-2023-work-summary-056", data.GetProperty("observation").GetProperty("partOf").GetString());
        Assert.Equal(29162, data.GetProperty("observation").GetProperty("total").GetProperty("value").GetDouble());
        Assert.Equal(3, data.GetProperty("parts").GetProperty("totalCount").GetInt32());

        var client = api.CreateClient();
        var rest = JsonDocument.Parse(await client.GetStringAsync("/api/v1/observations?metric=referrals&first=10")).RootElement;
        Assert.Contains(rest.GetProperty("items").EnumerateArray(), i => i.GetProperty("partOf").GetString() == "yueqing-2023-work-summary-056");
        var csv = (await client.GetStringAsync("/api/v1/snapshots/latest/observations.csv")).Split("\r\n");
        var header = csv[0].TrimStart('\uFEFF').Split(',');
        Assert.Contains("partOf", header);
        Assert.Contains(csv, line => line.StartsWith("yueqing-2023-work-summary-057,", StringComparison.Ordinal) && line.Contains(",yueqing-2023-work-summary-056,", StringComparison.Ordinal));
        var package = JsonDocument.Parse(await client.GetStringAsync("/api/v1/snapshots/latest/datapackage.json")).RootElement;
        var observations = package.GetProperty("resources").EnumerateArray().First(r => r.GetProperty("name").GetString() == "observations");
        Assert.Contains(observations.GetProperty("schema").GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "partOf");
        Assert.Contains(observations.GetProperty("schema").GetProperty("foreignKeys").EnumerateArray(), k => k.GetProperty("fields").ToString().Contains("partOf"));
    }
}
