using System.Text.Json;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Seeding;

/// <summary>
/// The Wenxi and Lüliang cases issue 13 names, checked on the raw seed files (apart from the loader):
/// limits are targets with AT_MOST, a figure in both roles is two records, one facility's places are not a region's.
/// </summary>
public sealed class WenxiLvliangReviewTests
{
    private const string Wenxi = "wenxi-2024-seven-strengthenings";
    private const string Lvliang = "lvliang-2023-work-conference";

    /// <summary>
    /// The plan sets the limits for 2024; the results article says they were kept in 2023 (issue 23 restored the result,
    /// which issue 13 had taken for a restatement): one target and one actual, both AT_MOST the ceiling, each its own quote.
    /// </summary>
    [Theory]
    [InlineData("maternal_mortality_rate", 12.8)]
    [InlineData("infant_young_child_mortality_rate", 5.4)]
    public void Wenxi_mortality_is_a_2024_limit_and_a_2023_result_within_it(string metric, double ceiling)
    {
        var figures = Observations(Wenxi).Where(o => Text(o, "metric") == metric).ToList();
        var limit = Assert.Single(figures, o => Text(o, "kind") == "target");
        var result = Assert.Single(figures, o => Text(o, "kind") == "actual");
        Assert.Equal(("AT_MOST", 2024, ceiling), (Text(limit, "qualifier"), limit.GetProperty("year").GetInt32(), limit.GetProperty("value").GetDouble()));
        Assert.Equal(("AT_MOST", 2023, ceiling), (Text(result, "qualifier"), result.GetProperty("year").GetInt32(), result.GetProperty("value").GetDouble()));
        Assert.StartsWith("千方百计保障母婴安全", Text(limit, "quote"));
        Assert.StartsWith("守牢母婴安全底线", Text(result, "quote"));
        Assert.False(string.IsNullOrEmpty(result.GetProperty("reviewedExceptions").GetProperty("kind").GetString()));
    }

    [Fact]
    public void Wenxi_places_of_one_new_childcare_centre_are_an_institution_figure()
    {
        var places = Assert.Single(Observations(Wenxi), o => Text(o, "quote").Contains("托位150个"));
        Assert.False(string.IsNullOrEmpty(Text(places, "institution")), "the 150 places name their institution");
        Assert.Equal("institution", Text(Metric(Text(places, "metric")), "scope"));
        Assert.DoesNotContain(Observations(Wenxi), o => Text(o, "metric") == "childcare_places_count");
    }

    /// <summary>
    /// A figure the text gives both as a 2023 result and as a 2024 plan is two records (seed-data/README.md, "A figure
    /// stated both as a result and as a plan"): each with its own quote, each note naming the other.
    /// </summary>
    [Fact]
    public void Wenxi_figures_in_both_roles_are_two_records_that_name_each_other()
    {
        var pairs = Observations(Wenxi)
            .GroupBy(o => (Text(o, "metric"), o.GetProperty("value").GetDouble(), Dimensions(o)))
            .Where(g => g.Select(o => Text(o, "kind")).Distinct().Count() > 1).ToList();
        Assert.True(pairs.Count >= 7, $"{pairs.Count} figures in both roles");
        foreach (var pair in pairs)
        {
            var (result, plan) = (Assert.Single(pair, o => Text(o, "kind") == "actual"), Assert.Single(pair, o => Text(o, "kind") == "target"));
            Assert.Equal((2023, 2024), (result.GetProperty("year").GetInt32(), plan.GetProperty("year").GetInt32()));
            Assert.NotEqual(Text(result, "quote"), Text(plan, "quote"));
            Assert.Contains(Text(plan, "id")[^4..], Text(result, "note"));
            Assert.Contains(Text(result, "id")[^4..], Text(plan, "note"));
        }
    }

    [Fact]
    public void Lvliang_repeated_attendance_paragraph_is_one_observation_of_at_least_300()
    {
        var attendance = Assert.Single(Observations(Lvliang), o => Text(o, "valueAsWritten").Replace(" ", "") == "300余人");
        Assert.Equal("AT_LEAST", Text(attendance, "qualifier"));
        Assert.Equal(300, attendance.GetProperty("value").GetDouble());
    }

    [Theory]
    [InlineData(Wenxi)]
    [InlineData(Lvliang)]
    public void Every_inferred_year_names_the_reports_rule(string source)
    {
        var inferred = Observations(source).Where(o => Text(o, "yearBasis") == "INFERRED").ToList();
        Assert.NotEmpty(inferred);
        Assert.All(inferred, o => Assert.Contains("this report's rule", Text(o, "note")));
    }

    private static List<JsonElement> Observations(string source) =>
        File.ReadLines(Path.Combine(RepoPaths.SeedData, "observations", source + ".jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToList();

    private static JsonElement Metric(string code) =>
        Directory.GetFiles(Path.Combine(RepoPaths.SeedData, "metrics"), "*.jsonl")
            .SelectMany(File.ReadLines)
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Single(m => Text(m, "code") == code);

    private static string Dimensions(JsonElement o) =>
        o.TryGetProperty("dimensions", out var d) ? d.GetRawText() : "";

    private static string Text(JsonElement e, string field) =>
        e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
}
