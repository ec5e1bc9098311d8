using System.Text.Json;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Seeding;

/// <summary>The shipped seed-data: complete, consistent and traceable to the reports.</summary>
[Collection(ApiCollection.Name)]
public sealed class SeedDataTests(ApiFactory api)
{
    private static readonly string[] Sources =
    [
        "shanxi-2023-theme-education", "lvliang-2023-work-conference", "wenxi-2024-seven-strengthenings",
        "yueqing-2023-work-summary", "jiangxi-2024-inspection-rectification",
    ];

    [Fact]
    public void The_seed_data_loads_without_a_single_error()
    {
        var (set, errors) = SeedReader.TryRead(RepoPaths.SeedData);
        Assert.Empty(errors);
        Assert.True(set!.Observations.Count >= 300, $"only {set.Observations.Count} observations");
        foreach (var source in Sources)
            Assert.True(set.Observations.Count(o => o.SourceId == source) >= 5, $"{source} has too few observations");
    }

    [SkippableFact]
    public void The_shipped_texts_are_the_published_reports()
    {
        var shared = Path.Combine(RepoPaths.Root, "..", "shared", "seeds");
        Skip.IfNot(Directory.Exists(shared), $"the published reports are not at {Path.GetFullPath(shared)} (they sit beside the checkout on the team's machines and in CI, not in a plain clone)");
        var originals = Directory.GetFiles(shared, "*.txt").Select(File.ReadAllBytes).ToList();
        foreach (var source in Sources)
        {
            var shipped = File.ReadAllBytes(Path.Combine(RepoPaths.SeedData, "sources", source + ".txt"));
            Assert.Contains(originals, o => o.SequenceEqual(shipped));
        }
    }

    /// <summary>Checked on the raw files, apart from the loader, so that a loader bug cannot hide a bad quote.</summary>
    [Fact]
    public void Every_quote_is_verbatim_and_contains_its_number()
    {
        var texts = Sources.ToDictionary(s => s, s => File.ReadAllText(Path.Combine(RepoPaths.SeedData, "sources", s + ".txt")));
        var checkedCount = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.SeedData, "observations"), "*.jsonl"))
            foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
            {
                var o = JsonDocument.Parse(line).RootElement;
                var id = o.GetProperty("id").GetString();
                var quote = o.GetProperty("quote").GetString()!;
                var written = o.GetProperty("valueAsWritten").GetString()!;
                Assert.True(texts[o.GetProperty("source").GetString()!].Contains(quote, StringComparison.Ordinal), $"{id}: quote not in its source");
                Assert.True(quote.Contains(written, StringComparison.Ordinal), $"{id}: '{written}' not in its quote");
                Assert.True(quote.Length <= 300, $"{id}: quote is not short");
                checkedCount++;
            }
        Assert.True(checkedCount >= 300);
    }

    /// <summary>Figures a journalist would look up, one or more from each report, read through the API.</summary>
    [Theory]
    [InlineData("yueqing-2023-work-summary", "physicians_per_1000", "330382", 2023, "actual", 3.41, "千人医师数3.41人")]
    [InlineData("yueqing-2023-work-summary", "life_expectancy", "330382", 2023, "actual", 81.37, "人均预期寿命81.37岁")]
    [InlineData("yueqing-2023-work-summary", "fixed_asset_investment", "330382", 2023, "actual", 580000000, "完成固定资产投资5.8亿元")]
    [InlineData("yueqing-2023-work-summary", "county_visit_rate", "330382", 2023, "actual", 90.45, "90.45%")]
    [InlineData("wenxi-2024-seven-strengthenings", "child_health_management_rate", "140823", 2023, "actual", 91.33, "0—6岁儿童健康管理率达91.33%")]
    [InlineData("wenxi-2024-seven-strengthenings", "maternal_mortality_rate", "140823", 2024, "target", 12.8, "控制在12.8/10万")]
    [InlineData("jiangxi-2024-inspection-rectification", "health_literacy_rate", "360000", 2024, "actual", 30.13, "30.13%")]
    [InlineData("jiangxi-2024-inspection-rectification", "staff_recruited", "360000", 2024, "actual", 179, "179名")]
    [InlineData("shanxi-2023-theme-education", "village_doctor_monthly_subsidy", "140000", 2023, "actual", 1000, "每月补助1000元")]
    [InlineData("lvliang-2023-work-conference", "primary_facilities_meeting_service_capacity_standard_count", "141100", 2022, "actual", 102, "102 所")]
    public async Task Spot_figures_are_served_with_their_quotes(string source, string metric, string region, int year, string kind, double value, string inQuote)
    {
        var data = await api.GraphQLAsync($$"""
            {
              observations(where: { source: { id: { eq: "{{source}}" } }, metric: { code: { eq: "{{metric}}" } },
                                    region: { code: { eq: "{{region}}" } }, year: { eq: {{year}} }, kind: { eq: "{{kind}}" } }) {
                nodes { value quote source { id } }
              }
            }
            """);
        var node = Assert.Single(data.GetProperty("observations").GetProperty("nodes").EnumerateArray());
        Assert.Equal(value, node.GetProperty("value").GetDouble());
        Assert.Contains(inQuote, node.GetProperty("quote").GetString());
    }
}
