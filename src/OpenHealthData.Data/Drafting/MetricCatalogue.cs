using System.Text.Json;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Data.Drafting;

/// <summary>
/// The metrics a draft can suggest, each known by its Chinese name, its keywords, and the quotes of the curated
/// figures filed under it (or under an alias of it). A clause is matched by the Chinese character pairs it shares
/// with them, each pair weighted by how rare it is in the catalogue (so 床位 counts, 完成 hardly).
/// </summary>
public sealed class MetricCatalogue
{
    /// <summary>Below this score no catalogue metric is suggested first: the figure probably needs a new metric.</summary>
    public const double NewMetricBelow = 0.34;

    private readonly List<(Metric Metric, HashSet<string> Pairs, HashSet<string> NamePairs)> _entries = [];
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);

    /// <param name="metrics">The catalogue.</param>
    /// <param name="examples">Quotes of curated figures by metric code: more words each metric is said with.</param>
    public MetricCatalogue(IEnumerable<Metric> metrics, ILookup<string, string> examples)
    {
        foreach (var m in metrics)
        {
            var names = new List<string> { m.NameZh };
            names.AddRange(JsonSerializer.Deserialize<List<string>>(m.Keywords) ?? []);
            var namePairs = Pairs(string.Join(" ", names));
            var pairs = new HashSet<string>(namePairs, StringComparer.Ordinal);
            foreach (var quote in examples[m.Code]) pairs.UnionWith(Pairs(quote));
            _entries.Add((m, pairs, namePairs));
        }
        foreach (var pair in _entries.SelectMany(e => e.Pairs))
            _idf[pair] = _idf.GetValueOrDefault(pair) + 1;
        foreach (var pair in _idf.Keys.ToList())
            _idf[pair] = Math.Log(1 + _entries.Count / _idf[pair]);
    }

    public int Count => _entries.Count;

    public bool Contains(string code) => _entries.Any(e => e.Metric.Code == code);

    /// <summary>Up to <paramref name="top"/> metrics in one of <paramref name="units"/>, best first, scored 0–1 against <paramref name="clause"/>.</summary>
    public IReadOnlyList<MetricSuggestion> Suggest(string clause, IReadOnlySet<string> units, int top = 3)
    {
        var pairs = Pairs(clause);
        var clauseWeight = pairs.Sum(Weight);
        if (clauseWeight == 0) return [];
        return [.. _entries
            .Where(e => units.Contains(e.Metric.Unit))
            .Select(e =>
            {
                var shared = pairs.Where(e.Pairs.Contains).Sum(Weight);
                var ofName = e.NamePairs.Count == 0 ? 0 : pairs.Where(e.NamePairs.Contains).Sum(Weight) / e.NamePairs.Sum(Weight);
                return new MetricSuggestion(e.Metric.Code, e.Metric.NameZh, Math.Round(0.6 * shared / clauseWeight + 0.4 * ofName, 3));
            })
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Code, StringComparer.Ordinal)
            .Take(top)];
    }

    private double Weight(string pair) => _idf.GetValueOrDefault(pair, Math.Log(1 + _entries.Count));

    /// <summary>The pairs of neighbouring Chinese characters of a text (numbers, Latin letters and punctuation break pairs).</summary>
    public static HashSet<string> Pairs(string text)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++)
            if (IsHan(text[i]) && IsHan(text[i + 1])) pairs.Add(text.Substring(i, 2));
        return pairs;
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';
}
