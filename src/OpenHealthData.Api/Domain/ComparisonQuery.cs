using OpenHealthData.Api.Querying;
using OpenHealthData.Data.Comparing;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Domain;

/// <summary>
/// The compare query of GraphQL and REST: a metric's like-for-like figures across regions. Checks the input,
/// reads the metric's figures and groups them with <see cref="Comparison.Groups"/>.
/// </summary>
public static class ComparisonQuery
{
    /// <param name="metric">A metric code or an old code (its dimensions are added to <paramref name="dimensions"/>).</param>
    /// <param name="kind">actual, target or change; null for every kind (each in its own groups).</param>
    public static IReadOnlyList<ComparableGroup> Run(ListQueries lists, MetricCodes codes, ReferenceCache references,
        string metric, int? year, string? kind, IReadOnlyList<KeyValuePair<string, string>> dimensions)
    {
        var resolved = codes.Require(metric, "metric");
        if (resolved.Metric.Scope != MetricScopes.Region)
            throw new QueryArgumentException($"Metric '{resolved.Metric.Code}' has scope {resolved.Metric.Scope}: its figures are about single institutions, not whole regions, so they are not compared across regions.", "metric");
        if (kind is not null && !Vocabulary.ObservationKinds.Contains(kind))
            throw new QueryArgumentException($"'kind' must be one of: {string.Join(", ", Vocabulary.ObservationKinds)}; got '{kind}'.", "kind");
        var declared = Dimensions.ParseAllowed(resolved.Metric.Dimensions);
        foreach (var (name, value) in dimensions)
        {
            if (!declared.TryGetValue(name, out var allowed))
                throw new QueryArgumentException(declared.Count == 0
                    ? $"Dimension '{name}': metric '{resolved.Metric.Code}' has no dimensions."
                    : $"Dimension '{name}' is not a dimension of metric '{resolved.Metric.Code}'; it has: {string.Join(", ", declared.Keys)}.", $"dimension.{name}");
            if (!allowed.Contains(value))
                throw new QueryArgumentException($"Dimension '{name}': '{value}' is not one of its values: {string.Join(", ", allowed)}.", $"dimension.{name}");
        }

        var where = MetricCodes.Filter(resolved, dimensions);
        if (year is not null) where["year"] = new Dictionary<string, object?> { ["eq"] = year };
        if (kind is not null) where["kind"] = new Dictionary<string, object?> { ["eq"] = kind };
        var rows = lists.List(Shapes.Observation, FilterParser.Parse(Shapes.Observation, where), []);
        var metrics = references.Table<Metric>()!;
        return Comparison.Groups(rows.Select(references.Attach), code => metrics.GetValueOrDefault(code));
    }
}
