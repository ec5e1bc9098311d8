using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Search;

/// <summary>
/// The plain filters of REST search and of the explorer: a region (exactly that one), a region with everything below
/// it (withinRegion, as on every REST route), a year, a kind,
/// a metric category, a metric, a source, a qualifier (how the value is meant: EXACT, AT_LEAST, …) and whether the
/// figure is a headline one. Each one given narrows the result; unknown codes are a 400.
/// </summary>
public sealed record SearchFilter(string? Region = null, int? Year = null, string? Kind = null, string? Category = null, string? Metric = null, string? Source = null,
    string? Qualifier = null, bool? Headline = null, string? WithinRegion = null)
{
    public static readonly IReadOnlyList<string> Kinds = ["actual", "target", "change"];

    /// <summary>
    /// The filters given, as one filter on observations; null when none is given. An old metric code means its metric
    /// and the dimensions it stood for, as on /api/v1/observations (the explorer and REST search share this rule).
    /// </summary>
    public FilterNode? Filter(RegionTree regions, ReferenceCache references, MetricCodes metrics)
    {
        var shape = Shapes.Observation;
        FilterNode? filter = null;
        void Where(string field, FilterOperator op, object value) => filter = FilterNode.And(filter, FilterNode.Where(shape.FindScalar(field)!, op, value));
        if (!string.IsNullOrEmpty(Region))
        {
            if (!regions.Contains(Region)) throw new QueryArgumentException($"'{Region}' is not a known region code.", "region");
            Where("regionCode", FilterOperators.Eq, Region);
        }
        if (!string.IsNullOrEmpty(WithinRegion)) filter = FilterNode.And(filter, regions.Within(shape, WithinRegion));
        if (Year is { } year) Where("year", FilterOperators.Eq, year);
        if (!string.IsNullOrEmpty(Kind))
        {
            if (!Kinds.Contains(Kind)) throw new QueryArgumentException($"'{Kind}' is not a kind; kinds are {string.Join(", ", Kinds)}.", "kind");
            Where("kind", FilterOperators.Eq, Kind);
        }
        if (!string.IsNullOrEmpty(Category))
        {
            var codes = references.Table<Metric>()!.Values.Where(m => m.Category == Category).Select(m => m.Code).ToList();
            if (codes.Count == 0) throw new QueryArgumentException($"'{Category}' is not a metric category.", "category");
            Where("metricCode", FilterOperators.In, codes);
        }
        if (!string.IsNullOrEmpty(Metric))
        {
            var resolved = metrics.Resolve(Metric) ?? throw new QueryArgumentException($"'{Metric}' is neither a metric code nor an old code of one.", "metric");
            filter = FilterNode.And(filter, FilterParser.Parse(shape, MetricCodes.Filter(resolved)));
        }
        if (!string.IsNullOrEmpty(Source))
        {
            if (!references.Table<Source>()!.ContainsKey(Source)) throw new QueryArgumentException($"'{Source}' is not a source id.", "source");
            Where("sourceId", FilterOperators.Eq, Source);
        }
        if (!string.IsNullOrEmpty(Qualifier))
        {
            var qualifier = Qualifier.ToUpperInvariant();
            if (!Vocabulary.Qualifiers.Contains(qualifier))
                throw new QueryArgumentException($"'{Qualifier}' is not a qualifier; qualifiers are {string.Join(", ", Vocabulary.Qualifiers.Order(StringComparer.Ordinal))}.", "qualifier");
            Where("qualifier", FilterOperators.Eq, qualifier);
        }
        if (Headline is { } headline) Where("headline", FilterOperators.Eq, headline);
        return filter;
    }
}
