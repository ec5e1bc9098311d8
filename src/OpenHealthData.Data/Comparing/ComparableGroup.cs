using OpenHealthData.Data.Model;

namespace OpenHealthData.Data.Comparing;

/// <summary>
/// Like-for-like figures: one metric, the same dimensions, unit and kind, from two or more regions; ordered by
/// region, year and id. Built by <see cref="Comparison.Groups"/>, the one definition of "comparable".
/// </summary>
public sealed record ComparableGroup(string MetricCode, string Dimensions, string Unit, string Kind, IReadOnlyList<Observation> Observations)
{
    public int RegionCount => Observations.Select(o => o.RegionCode).Distinct().Count();
}
