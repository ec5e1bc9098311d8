using System.Text.Json;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Seeding;

/// <summary>
/// The Wenxi and Lüliang cases issue 13 names, checked on the raw seed files (apart from the loader):
/// limits are targets with AT_MOST, a restated figure is one observation, one facility's places are not a region's.
/// </summary>
public sealed class WenxiLvliangReviewTests
{
    private const string Wenxi = "wenxi-2024-seven-strengthenings";
    private const string Lvliang = "lvliang-2023-work-conference";

    [Theory]
    [InlineData("maternal_mortality_rate", 12.8)]
    [InlineData("infant_young_child_mortality_rate", 5.4)]
    public void Wenxi_mortality_is_one_limit_for_2024_not_an_achieved_rate(string metric, double ceiling)
    {
        var figure = Assert.Single(Observations(Wenxi), o => Text(o, "metric") == metric);
        Assert.Equal("target", Text(figure, "kind"));
        Assert.Equal("AT_MOST", Text(figure, "qualifier"));
        Assert.Equal(2024, figure.GetProperty("year").GetInt32());
        Assert.Equal(ceiling, figure.GetProperty("value").GetDouble());
        Assert.Contains("控制在", Text(figure, "quote"));
    }

    [Fact]
    public void Wenxi_places_of_one_new_childcare_centre_are_an_institution_figure()
    {
        var places = Assert.Single(Observations(Wenxi), o => Text(o, "quote").Contains("托位150个"));
        Assert.False(string.IsNullOrEmpty(Text(places, "institution")), "the 150 places name their institution");
        Assert.Equal("institution", Text(Metric(Text(places, "metric")), "scope"));
        Assert.DoesNotContain(Observations(Wenxi), o => Text(o, "metric") == "childcare_places_count");
    }

    [Fact]
    public void Wenxi_plan_items_restated_by_both_articles_are_not_a_series_of_equal_values()
    {
        // An actual of 2023 and a target of 2024 with one metric and one value were the same plan item told twice.
        var pairs = Observations(Wenxi)
            .GroupBy(o => (Text(o, "metric"), o.GetProperty("value").GetDouble(), Dimensions(o)))
            .Where(g => g.Select(o => Text(o, "kind")).Distinct().Count() > 1)
            .Select(g => string.Join(", ", g.Select(o => Text(o, "id"))));
        Assert.Empty(pairs);
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
