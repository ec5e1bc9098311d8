using OpenHealthData.Api.Querying;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Domain;

/// <summary>
/// Resolves metric codes, old ones included: a code merged into another metric (seed-data/metric-aliases) keeps
/// meaning that metric with the dimensions it stood for, so that old links and queries do not break.
/// The alias table is read once: the database does not change while the API runs.
/// </summary>
public sealed class MetricCodes(ListQueries lists, ReferenceCache references)
{
    private readonly Lazy<Dictionary<string, MetricAlias>> _aliases = new(() =>
        lists.List(Shapes.MetricAlias, null, []).ToDictionary(a => a.Alias, StringComparer.Ordinal));

    public IReadOnlyCollection<MetricAlias> Aliases => _aliases.Value.Values;

    public IEnumerable<MetricAlias> AliasesOf(string metricCode) =>
        _aliases.Value.Values.Where(a => a.MetricCode == metricCode).OrderBy(a => a.Alias, StringComparer.Ordinal);

    /// <summary>The metric a code means, or null when it is neither a metric nor an alias.</summary>
    public ResolvedMetric? Resolve(string code)
    {
        var metrics = references.Table<Metric>()!;
        if (metrics.TryGetValue(code, out var metric)) return new ResolvedMetric(metric, [], null);
        return _aliases.Value.TryGetValue(code, out var alias) && metrics.TryGetValue(alias.MetricCode, out var target)
            ? new ResolvedMetric(target, Dimensions.Parse(alias.Dimensions), alias.Alias)
            : null;
    }

    /// <summary>Like <see cref="Resolve"/>, but an unknown code is the client's mistake, said plainly.</summary>
    public ResolvedMetric Require(string code, string parameter) => Resolve(code)
        ?? throw new UnknownKeyException($"'{code}' in '{parameter}' is neither a metric code nor an old code of one (GET /api/v1/snapshots/latest/metrics.json lists the metrics, metric-aliases.json the old codes).");

    /// <summary>
    /// A filter (the where language) for the figures a resolved code means: the metric, and for an old code the
    /// dimensions it stood for (matched in the canonical text, which holds each pair as "name":"value").
    /// </summary>
    public static Dictionary<string, object?> Filter(ResolvedMetric resolved, IEnumerable<KeyValuePair<string, string>>? moreDimensions = null)
    {
        var where = new Dictionary<string, object?> { ["metricCode"] = new Dictionary<string, object?> { ["eq"] = resolved.Metric.Code } };
        var pairs = resolved.Dimensions.Concat(moreDimensions ?? []).ToList();
        if (pairs.Count > 0)
            where["and"] = pairs.Select(p => (object?)new Dictionary<string, object?>
            {
                ["dimensions"] = new Dictionary<string, object?> { ["contains"] = Dimensions.Fragment(p.Key, p.Value) },
            }).ToList();
        return where;
    }
}
