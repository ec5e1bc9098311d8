using OpenHealthData.Data.Comparing;
using OpenHealthData.Data.Model;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;
using Xunit.Abstractions;

namespace OpenHealthData.Tests.Comparing;

/// <summary>Every comparable group of the shipped seed (Comparison.Groups, the one definition), listed in the test output.</summary>
public sealed class ComparableGroupsTests(ITestOutputHelper output)
{
    /// <summary>
    /// Issue 13 asked for 60 (aim: 90) observations in comparable groups. The five reports allow 25 in 12 groups once
    /// every figure keeps its scope and dimensions (seed-data/README.md, "How much can be compared", says why and lists
    /// them); the floor keeps what the data has from shrinking unnoticed.
    /// </summary>
    private const int MinComparableObservations = 24;

    [Fact]
    public void The_real_seed_has_enough_like_for_like_figures_and_no_group_mixes_units_scopes_or_dimensions()
    {
        var (set, errors) = SeedReader.TryRead(RepoPaths.SeedData);
        Assert.True(set is not null, "the seed does not load:\n" + string.Join("\n", errors.Take(20)));
        var metrics = set.Metrics.ToDictionary(m => m.Code);

        var groups = Comparison.Groups(set.Observations, code => metrics.GetValueOrDefault(code));

        foreach (var g in groups)
        {
            output.WriteLine($"{g.MetricCode} {g.Dimensions} {g.Unit} {g.Kind}: {g.RegionCount} regions, {g.Observations.Count} figures ({string.Join(", ", g.Observations.Select(o => $"{o.RegionCode}/{o.Year} {o.Value}"))})");
            Assert.True(g.RegionCount >= 2);
            Assert.Single(g.Observations.Select(o => o.Unit).Distinct());
            Assert.Single(g.Observations.Select(o => o.Dimensions).Distinct());
            Assert.Single(g.Observations.Select(o => o.Kind).Distinct());
            Assert.All(g.Observations, o => Assert.True(o.InstitutionId is null && metrics[o.MetricCode].Scope == MetricScopes.Region, $"{o.Id} is not about a whole region"));
        }
        var figures = groups.Sum(g => g.Observations.Count);
        output.WriteLine($"{groups.Count} comparable groups, {figures} figures");
        Assert.True(figures >= MinComparableObservations, $"only {figures} figures in {groups.Count} comparable groups; the seed had {MinComparableObservations}: a change merged or split figures apart");
    }

    [Fact]
    public void Merged_families_compare_only_like_for_like()
    {
        var (set, _) = SeedReader.TryRead(RepoPaths.SeedData);
        Assert.NotNull(set);
        var metrics = set.Metrics.ToDictionary(m => m.Code);
        var groups = Comparison.Groups(set.Observations, code => metrics.GetValueOrDefault(code));

        // One signing-rate metric; only the key-group rates of Wenxi and Yueqing (2023) share a population.
        var signing = Assert.Single(groups, g => g.MetricCode == "family_doctor_signing_rate");
        Assert.Equal("""{"population":"key_groups"}""", signing.Dimensions);
        Assert.Equal(["140823", "330382"], signing.Observations.Select(o => o.RegionCode));
        // Lüliang's 102 and Wenxi's 12 institutions at the basic "Quality Service at the Grassroots" standard compare.
        Assert.Contains(groups, g => g.MetricCode == "primary_facilities_meeting_service_capacity_standard_count"
            && g.Dimensions == """{"measure":"stock","standard":"basic"}""" && g.RegionCount == 2);
        // Merged, but unlike scopes: a province's staff sent out vs a county's received; a stock of childcare places vs a
        // year's additions; two-cancer screening per cancer among rural women vs both cancers among all women.
        Assert.DoesNotContain(groups, g => g.MetricCode is "medical_staff_dispatched_to_grassroots" or "childcare_places_count"
            or "two_cancer_screening_women" or "clinical_key_specialties" or "staff_recruited" or "patient_management_rate");
    }

    [Fact]
    public void Groups_need_two_regions_and_keep_units_dimensions_kinds_and_scopes_apart()
    {
        Metric M(string code, string scope = MetricScopes.Region) => new() { Code = code, NameZh = code, NameEn = code, Unit = "percent", Category = "primary_care", Description = code, Scope = scope };
        Observation O(string id, string metric, string region, string unit = "percent", string kind = "actual", string dimensions = Dimensions.None, string? institution = null) => new()
        {
            Id = id, SourceId = "s", MetricCode = metric, RegionCode = region, Year = 2023, Kind = kind, Qualifier = "EXACT", YearBasis = "STATED",
            Value = 1, Unit = unit, ValueAsWritten = "1%", Quote = "1%", QuoteEn = "1%", Dimensions = dimensions, InstitutionId = institution,
        };
        var metrics = new[] { M("a"), M("b", MetricScopes.Institution) }.ToDictionary(m => m.Code);
        var groups = Comparison.Groups(
        [
            O("1", "a", "330382"), O("2", "a", "140823"),                              // comparable
            O("3", "a", "330382", unit: "count"),                                       // another unit, one region
            O("4", "a", "140823", kind: "target"),                                      // another kind, one region
            O("5", "a", "360000", dimensions: """{"population":"key_groups"}"""),       // other dimensions, one region
            O("6", "a", "140000", institution: "h"),                                    // about an institution
            O("7", "b", "330382", institution: "h"), O("8", "b", "140823", institution: "i"), // institution-scope metric
            O("9", "unknown", "330382"), O("10", "unknown", "140823"),                  // metric unknown
        ], code => metrics.GetValueOrDefault(code));

        var group = Assert.Single(groups);
        Assert.Equal(["2", "1"], group.Observations.Select(o => o.Id)); // by region code
        Assert.Equal(("a", Dimensions.None, "percent", "actual", 2), (group.MetricCode, group.Dimensions, group.Unit, group.Kind, group.RegionCount));
    }
}
