using OpenHealthData.Data.Model;

namespace OpenHealthData.Data.Comparing;

/// <summary>
/// What can be compared across regions: the figures of a region-scope metric about whole regions (no institution),
/// grouped by metric, dimensions, unit and kind; a group with figures from two or more regions is comparable.
/// The API's compare query, the snapshot of comparable figures and the tests all group through here.
/// </summary>
public static class Comparison
{
    public const int MinRegions = 2;

    /// <summary>A figure about a whole region, of a metric whose figures are about whole regions.</summary>
    public static bool IsRegionFigure(Observation o, Metric metric) =>
        metric.Scope == MetricScopes.Region && o.InstitutionId is null;

    /// <summary>The comparable groups among the observations, ordered by metric, dimensions, unit and kind.</summary>
    /// <param name="observations">The figures to group.</param>
    /// <param name="metricOf">The metric of a code (null when unknown: its figures are left out).</param>
    public static IReadOnlyList<ComparableGroup> Groups(IEnumerable<Observation> observations, Func<string, Metric?> metricOf) =>
    [
        .. observations
            .Where(o => metricOf(o.MetricCode) is { } metric && IsRegionFigure(o, metric))
            .GroupBy(o => (o.MetricCode, o.Dimensions, o.Unit, o.Kind))
            .Where(g => g.Select(o => o.RegionCode).Distinct().Count() >= MinRegions)
            .Select(g => new ComparableGroup(g.Key.MetricCode, g.Key.Dimensions, g.Key.Unit, g.Key.Kind,
                [.. g.OrderBy(o => o.RegionCode, StringComparer.Ordinal).ThenBy(o => o.Year).ThenBy(o => o.Id, StringComparer.Ordinal)]))
            .OrderBy(g => g.MetricCode, StringComparer.Ordinal).ThenBy(g => g.Dimensions, StringComparer.Ordinal)
            .ThenBy(g => g.Unit, StringComparer.Ordinal).ThenBy(g => g.Kind, StringComparer.Ordinal),
    ];
}
