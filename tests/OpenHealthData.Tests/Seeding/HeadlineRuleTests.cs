using OpenHealthData.Data.Model;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Seeding;

/// <summary>The headline rule (seed-data/README.md): results before targets, regions before institutions, outcomes always, one indicator alike in every report.</summary>
public sealed class HeadlineRuleTests
{
    [Fact]
    public void Every_record_of_the_seed_passes_the_headline_rule()
    {
        var (set, errors) = SeedReader.TryRead(RepoPaths.SeedData);
        Assert.True(set is not null, string.Join("\n", errors.Take(10)));
        var metrics = set.Metrics.ToDictionary(m => m.Code);
        var broken = set.Observations.Select(o => (o.Id, Why: HeadlineRule.Broken(o, metrics[o.MetricCode]))).Where(x => x.Why is not null).ToList();
        Assert.True(broken.Count == 0, string.Join("\n", broken.Select(b => $"{b.Id} {b.Why}")));
        Assert.Empty(HeadlineRule.Inconsistent(set.Observations));

        var headline = set.Observations.Where(o => o.Headline).ToList();
        Assert.All(headline, o => Assert.True(o.Kind != "target" && o.InstitutionId is null, o.Id));
        // The report's own summary: Yueqing's opening sentence of results (investment, visit rates, physicians, beds, childcare places, life expectancy).
        Assert.All(Enumerable.Range(1, 7), n => Assert.True(set.Observations.Single(o => o.Id == $"yueqing-2023-work-summary-{n:000}").Headline, $"yueqing-{n:000}"));
        // Wenxi's 2023 results lead, its 2024 plan ceilings do not.
        Assert.True(set.Observations.Single(o => o.Id == "wenxi-2024-seven-strengthenings-072").Headline);
        Assert.False(set.Observations.Single(o => o.Id == "wenxi-2024-seven-strengthenings-007").Headline);
        Assert.True(headline.Count >= 100, $"only {headline.Count} headline figures");
    }

    [Theory]
    [InlineData("target", null, "percent", "primary_care", true, "results come before targets")]
    [InlineData("actual", "h", "percent", "primary_care", true, "region-level figures come before institution-level")]
    [InlineData("actual", null, "count", "governance", true, "process count")]
    [InlineData("actual", null, "per_100k", "health_outcomes", false, "must be headline")]
    public void A_record_that_breaks_the_rule_is_named_with_the_part_it_breaks(string kind, string? institution, string unit, string category, bool headline, string why)
    {
        var metric = new Metric { Code = "m", NameZh = "m", NameEn = "m", Unit = unit, Category = category, Description = "m" };
        var o = new Observation
        {
            Id = "x", SourceId = "s", MetricCode = "m", RegionCode = "140823", Year = 2023, Kind = kind, Qualifier = "EXACT", YearBasis = "STATED",
            Value = 1, Unit = unit, ValueAsWritten = "1", Quote = "1", QuoteEn = "1", InstitutionId = institution, Headline = headline,
        };
        Assert.Contains(why, HeadlineRule.Broken(o, metric));
        o.Headline = !headline;
        o.Kind = "actual";
        o.InstitutionId = null;
        if (category == "governance") Assert.Null(HeadlineRule.Broken(o, metric)); // not headline: fine
    }
}
