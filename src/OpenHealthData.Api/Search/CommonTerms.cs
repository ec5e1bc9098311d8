using System.Collections.Concurrent;
using OpenHealthData.Data;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Api.Search;

/// <summary>
/// Which index terms are in at least half of the figures ("synthetic" or 合成 in the synthetic set, 卫生 in a health
/// report). FTS5's bm25 gives such a term an idf of 1e-6, so it does nothing for the ranking, but bm25 still reads
/// the term's whole list of figures to count them, at every search: ~50 ms for a term in a million figures.
/// <see cref="SearchService"/> therefore matches with every term and ranks with the others only. Each term is
/// counted once per process (the database never changes under it), and the count stops at half of the figures.
/// </summary>
public sealed class CommonTerms(ReadConnections connections)
{
    private const int MaxCached = 100_000;

    private readonly ConcurrentDictionary<string, bool> _common = new(StringComparer.Ordinal);

    private readonly Lazy<long> _half = new(() =>
        (connections.Query($"SELECT count(*) FROM \"{SearchIndex.Table}\"", [], r => r.GetInt64(0))[0] + 1) / 2);

    private static readonly string CountSql =
        $"SELECT count(*) FROM (SELECT 1 FROM \"{SearchIndex.Table}\" WHERE \"{SearchIndex.Table}\" MATCH @p0 LIMIT @p1)";

    /// <summary>Whether at least half of the figures have this index term (where bm25's idf is 1e-6).</summary>
    public bool IsCommon(string term)
    {
        if (_common.TryGetValue(term, out var common)) return common;
        var half = _half.Value;
        common = half > 0 && connections.Query(CountSql, [SearchService.Quote(term), half], r => r.GetInt64(0))[0] >= half;
        if (_common.Count < MaxCached) _common[term] = common;
        return common;
    }
}
