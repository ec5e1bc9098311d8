using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Search;

/// <summary>The coverage of every metric and region, computed once: the database does not change while the API runs.</summary>
public sealed class Coverage(ListQueries lists)
{
    private sealed record Row(string MetricCode, string RegionCode, int Year, string Kind);

    private readonly Lazy<List<Row>> _rows = new(() =>
        [.. lists.List(Shapes.Observation, null, [], ["metricCode", "regionCode", "year", "kind"]).Select(o => new Row(o.MetricCode, o.RegionCode, o.Year, o.Kind))]);

    private Dictionary<string, MetricCoverage>? _metrics;

    public IReadOnlyDictionary<string, MetricCoverage> Metrics => _metrics ??= _rows.Value.GroupBy(r => r.MetricCode).ToDictionary(g => g.Key, g => new MetricCoverage(
        g.Count(), [.. g.Select(r => r.RegionCode).Distinct().Order(StringComparer.Ordinal)], [.. g.Select(r => r.Year).Distinct().Order()],
        [.. g.Select(r => r.Kind).Distinct().Order(StringComparer.Ordinal)]));

    private Dictionary<string, int>? _regions;

    /// <summary>Figures about each region itself.</summary>
    public IReadOnlyDictionary<string, int> RegionCounts => _regions ??= _rows.Value.GroupBy(r => r.RegionCode).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The first and last year any figure refers to.</summary>
    public (int First, int Last) YearRange => _rows.Value.Count == 0 ? (0, 0) : (_rows.Value.Min(r => r.Year), _rows.Value.Max(r => r.Year));
}
