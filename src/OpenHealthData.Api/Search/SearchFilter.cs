using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Search;

/// <summary>
/// The plain filters of REST search and of the explorer: a region (with everything below it), a year, a kind,
/// a metric category, a metric, a source, a qualifier (how the value is meant: EXACT, AT_LEAST, …) and whether the
/// figure is a headline one. Each one given narrows the result; unknown codes are a 400.
/// </summary>
public sealed record SearchFilter(string? Region = null, int? Year = null, string? Kind = null, string? Category = null, string? Metric = null, string? Source = null,
    string? Qualifier = null, bool? Headline = null)
{
    public static readonly IReadOnlyList<string> Kinds = ["actual", "target", "change"];

    public IQueryable<Observation> Apply(IQueryable<Observation> query, RegionTree regions, ReferenceCache references)
    {
        if (!string.IsNullOrEmpty(Region)) query = query.WhereIn(o => o.RegionCode, regions.SelfAndDescendants(Region));
        if (Year is { } year) query = query.Where(o => o.Year == year);
        if (!string.IsNullOrEmpty(Kind))
        {
            if (!Kinds.Contains(Kind)) throw new QueryArgumentException($"'{Kind}' is not a kind; kinds are {string.Join(", ", Kinds)}.");
            query = query.Where(o => o.Kind == Kind);
        }
        if (!string.IsNullOrEmpty(Category))
        {
            var codes = references.Table<Metric>()!.Values.Where(m => m.Category == Category).Select(m => m.Code).ToList();
            if (codes.Count == 0) throw new QueryArgumentException($"'{Category}' is not a metric category.");
            query = query.WhereIn(o => o.MetricCode, codes);
        }
        if (!string.IsNullOrEmpty(Metric))
        {
            if (!references.Table<Metric>()!.ContainsKey(Metric)) throw new QueryArgumentException($"'{Metric}' is not a metric code.");
            query = query.Where(o => o.MetricCode == Metric);
        }
        if (!string.IsNullOrEmpty(Source))
        {
            if (!references.Table<Source>()!.ContainsKey(Source)) throw new QueryArgumentException($"'{Source}' is not a source id.");
            query = query.Where(o => o.SourceId == Source);
        }
        if (!string.IsNullOrEmpty(Qualifier))
        {
            var qualifier = Qualifier.ToUpperInvariant();
            if (!Vocabulary.Qualifiers.Contains(qualifier))
                throw new QueryArgumentException($"'{Qualifier}' is not a qualifier; qualifiers are {string.Join(", ", Vocabulary.Qualifiers.Order(StringComparer.Ordinal))}.");
            query = query.Where(o => o.Qualifier == qualifier);
        }
        if (Headline is { } headline) query = query.Where(o => o.Headline == headline);
        return query;
    }
}
