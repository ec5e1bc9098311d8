using Microsoft.AspNetCore.Http;
using OpenHealthData.Api.Explore;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Tests.Explore;

/// <summary>How one year's figures read side by side: ranked only where every value's range lies wholly above the next.</summary>
public sealed class CompareReadingTests
{
    private static readonly ExploreRequest En = new(new DefaultHttpContext { Request = { QueryString = new QueryString("?lang=en") } });

    private static Observation Figure(string region, string qualifier, double value, double? upper = null) => new()
    {
        Id = region, SourceId = "s", MetricCode = "m", RegionCode = region, Year = 2023, Kind = "actual", Qualifier = qualifier, Value = value,
        LowerBound = upper is null ? null : value, UpperBound = upper, YearBasis = "STATED", Unit = "percent", ValueAsWritten = $"{value}%",
        Quote = "", QuoteEn = "",
    };

    [Theory]
    [InlineData("EXACT", 80, "AT_LEAST", 90, "Highest first: B at least 90%, A 80%.")]        // the bound is above the exact value: certain
    [InlineData("EXACT", 95, "AT_LEAST", 90, "Not ranked: B at least 90%, A 95%. A bound")]   // could be either: the bound says "at least"
    [InlineData("AT_LEAST", 95, "AT_LEAST", 90, "Not ranked: A at least 95%, B at least 90%. Both are lower bounds")]
    [InlineData("AT_MOST", 10, "EXACT", 12, "Highest first: B 12%, A at most 10%.")]
    [InlineData("AT_MOST", 10, "EXACT", 8, "Not ranked: A at most 10%, B 8%.")]
    [InlineData("EXACT", 39.29, "EXACT", 30.13, "Highest first: A 39.29%, B 30.13%.")]
    [InlineData("EXACT", 90, "EXACT", 90, "The same: A 90%, B 90%.")]
    public void Bounds_are_ranked_only_when_their_order_is_certain(string qa, double a, string qb, double b, string expected) =>
        Assert.StartsWith(expected, ExploreCompare.Reading(En, [Figure("A", qa, a), Figure("B", qb, b)]));

    [Fact]
    public void A_range_overlapping_a_value_is_not_ranked_and_one_region_is_not_read()
    {
        Assert.StartsWith("Not ranked", ExploreCompare.Reading(En, [Figure("A", "RANGE", 1, 3), Figure("B", "EXACT", 2)]));
        Assert.StartsWith("Highest first: B 5%", ExploreCompare.Reading(En, [Figure("A", "RANGE", 1, 3), Figure("B", "EXACT", 5)]));
        Assert.Null(ExploreCompare.Reading(En, [Figure("A", "EXACT", 1)]));
    }
}
