using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Api.Search;

/// <summary>
/// Full-text search over the figures (the FTS5 index the database builder writes, <see cref="SearchIndex"/>),
/// combined with any filter on observations, ranked by relevance, with facets and highlighted spans.
/// GraphQL's search field, REST's /api/v1/search and the explorer all ask this one service.
/// </summary>
public sealed class SearchService(HealthDbContext db, ListQueries lists, ReferenceCache references, IOptions<PagingOptions> paging)
{
    /// <summary>At most this many matches are ranked; a search that matches more is too broad to read anyway.</summary>
    public const int MaxMatches = 10_000;

    /// <summary>The fields whose matches are reported for highlighting, in the order a reader looks at them.</summary>
    public static readonly IReadOnlyList<(string Field, Func<Observation, string?> Read)> HighlightedFields =
    [
        ("quote", o => o.Quote), ("quoteEn", o => o.QuoteEn), ("sentence", o => o.Sentence),
        ("metric.nameZh", o => o.Metric?.NameZh), ("metric.nameEn", o => o.Metric?.NameEn), ("note", o => o.Note),
    ];

    /// <summary>What the ranking and the facets read of every match.</summary>
    private static readonly IReadOnlyList<string> FactFields = ["id", "regionCode", "year", "kind", "metricCode", "sourceId", "qualifier", "headline"];

    /// <param name="text">What was typed; empty lists every figure of the filter, achieved (actual) figures first, newest first.</param>
    /// <param name="filter">The observations the search is restricted to (filters of the caller); null for all.</param>
    public async Task<SearchPage> SearchAsync(string? text, FilterNode? filter, PageRequest page, CancellationToken ct)
    {
        var terms = SearchTerms.Parse(text);
        if (terms.Count == 0 && !string.IsNullOrWhiteSpace(text))
            throw new QueryArgumentException("The search text has no word in it, only quotes or punctuation.");
        if (page.Last is not null || page.Before is not null)
            throw new QueryArgumentException("Search results page forward only: use 'first' and 'after'.");
        var size = page.First ?? paging.Value.DefaultPageSize;
        if (size < 0 || size > paging.Value.MaxPageSize)
            throw new QueryArgumentException($"'first' must be between 0 and {paging.Value.MaxPageSize}, the maximum page size; got {size}.");
        var start = page.After is null ? 0 : Paging.Decode(page.After, "after") + 1;

        Dictionary<string, double>? scores = null;
        if (terms.Count > 0)
        {
            scores = await MatchAsync(terms, ct);
            filter = FilterNode.And(filter, FilterNode.Where(Shapes.Observation.KeyField, FilterOperators.In, scores.Keys.ToList()));
        }
        var facts = lists.List(Shapes.Observation, filter, [], FactFields);
        IEnumerable<Observation> ordered = scores is null
            ? facts.OrderBy(f => f.Kind, StringComparer.Ordinal).ThenByDescending(f => f.Year).ThenBy(f => f.Id, StringComparer.Ordinal)
            : facts.OrderByDescending(f => scores[f.Id]).ThenBy(f => f.Kind == "actual" ? 0 : 1).ThenByDescending(f => f.Year).ThenBy(f => f.Id, StringComparer.Ordinal);
        var window = ordered.Skip(start).Take(size + 1).ToList();
        var pageIds = window.Take(size).Select(f => f.Id).ToList();
        var rows = lists.List(Shapes.Observation, FilterNode.Where(Shapes.Observation.KeyField, FilterOperators.In, pageIds), []).ToDictionary(o => o.Id);
        var hits = pageIds.Select((id, i) =>
        {
            var o = references.Attach(rows[id]);
            var matches = terms.Count == 0 ? [] : HighlightedFields
                .Select(f => (f.Field, Text: f.Read(o) ?? "")).Select(f => new FieldMatch(f.Field, f.Text, FieldMatch.Find(f.Text, terms)))
                .Where(m => m.Spans.Count > 0).ToList();
            return new SearchHit(o, Paging.Encode(start + i), scores?[id] ?? 0, matches);
        }).ToList();
        var info = new PageInfo(window.Count > size, start > 0, hits.FirstOrDefault()?.Cursor, hits.LastOrDefault()?.Cursor);
        return new SearchPage(hits, facts.Count, info, Facets(facts), terms);
    }

    private SearchFacets Facets(List<Observation> facts)
    {
        var metrics = references.Table<Metric>()!;
        static IReadOnlyList<FacetCount> Count(IEnumerable<string> values) =>
            [.. values.GroupBy(v => v).Select(g => new FacetCount(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)];
        return new SearchFacets(
            Count(facts.Select(f => f.RegionCode)),
            [.. facts.GroupBy(f => f.Year).OrderByDescending(g => g.Key).Select(g => new FacetCount(g.Key.ToString(CultureInfo.InvariantCulture), g.Count()))],
            Count(facts.Select(f => f.Kind)),
            Count(facts.Select(f => metrics.GetValueOrDefault(f.MetricCode)?.Category ?? "")),
            Count(facts.Select(f => f.MetricCode)),
            Count(facts.Select(f => f.SourceId)),
            Count(facts.Select(f => f.Qualifier)),
            Count(facts.Select(f => f.Headline ? "true" : "false")));
    }

    /// <summary>
    /// The matching observation ids with their relevance. Terms of three characters or more go to the trigram index
    /// (MATCH, ranked by bm25 with the column weights of <see cref="SearchIndex.Columns"/>); shorter terms, such as a
    /// two-character Chinese word, are matched with LIKE on the same columns.
    /// </summary>
    private async Task<Dictionary<string, double>> MatchAsync(IReadOnlyList<string> terms, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        var table = $"\"{SearchIndex.Table}\"";
        var score = new StringBuilder();
        var conditions = new List<string>();
        var indexed = terms.Where(t => t.Length >= SearchTerms.IndexedLength).ToList();
        if (indexed.Count > 0)
        {
            conditions.Add($"{table} MATCH $match");
            Add(command, "$match", string.Join(" AND ", indexed.Select(t => $"\"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")));
            score.Append($"-bm25({table}, 0, {string.Join(", ", SearchIndex.Columns.Select(c => c.Weight.ToString(CultureInfo.InvariantCulture)))})");
        }
        else score.Append('0');
        // Every term adds the weight of each column it occurs in: a term in the metric's name or keywords puts its
        // figures first, which bm25 alone (it favours short texts) does not. The words together, as typed, count again.
        var patterns = terms.ToList();
        if (terms.Count > 1) patterns.Add(string.Join(" ", terms));
        for (var i = 0; i < patterns.Count; i++)
        {
            var name = $"$like{i}";
            Add(command, name, $"%{FilterOperators.LikeLiteral(patterns[i])}%");
            var likes = SearchIndex.Columns.Select(c => (c.Weight, Sql: $"{c.Name} LIKE {name} ESCAPE '\\'")).ToList();
            foreach (var (weight, sql) in likes) score.Append(CultureInfo.InvariantCulture, $" + (CASE WHEN {sql} THEN {weight} ELSE 0 END)");
            if (i < terms.Count && patterns[i].Length < SearchTerms.IndexedLength) conditions.Add($"({string.Join(" OR ", likes.Select(l => l.Sql))})");
        }
        command.CommandText = $"SELECT id, {score} AS score FROM {table} WHERE {string.Join(" AND ", conditions)} ORDER BY score DESC LIMIT {MaxMatches}";
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result[reader.GetString(0)] = reader.GetDouble(1);
        return result;
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
