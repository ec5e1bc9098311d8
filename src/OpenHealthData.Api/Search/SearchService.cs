using System.Globalization;
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
/// A figure matches when it has every word (or a synonym of it); when none has them all, the figures with most of
/// them are shown and the page says which words found nothing. A word that finds nothing at all is first
/// corrected to the nearest word of the texts (<see cref="SearchVocabulary"/>).
/// </summary>
public sealed class SearchService(ReadConnections connections, ListQueries lists, ReferenceCache references, SearchVocabulary vocabulary, CommonTerms common, IOptions<PagingOptions> paging)
{
    /// <summary>
    /// At most this many matches are ranked, counted and faceted (the first in the index's order); a search that
    /// matches more is too broad to read anyway. Each match costs a read of its figure's row (at a million figures
    /// ~5 µs, scattered over the file): 10,000 put a broad search over 50 ms.
    /// </summary>
    public const int MaxMatches = 2_000;

    /// <summary>How much more a headline figure (one a journalist leads with) weighs than another of the same relevance.</summary>
    public const double HeadlineBoost = 1.1;

    /// <summary>The fields whose matches are reported for highlighting, in the order a reader looks at them.</summary>
    public static readonly IReadOnlyList<(string Field, Func<Observation, string?> Read)> HighlightedFields =
    [
        ("quote", o => o.Quote), ("quoteEn", o => o.QuoteEn), ("sentence", o => o.Sentence),
        ("metric.nameZh", o => o.Metric?.NameZh), ("metric.nameEn", o => o.Metric?.NameEn), ("note", o => o.Note),
    ];

    /// <summary>What the ranking and the facets read of every match.</summary>
    private static readonly IReadOnlyList<string> FactFields = ["id", "regionCode", "year", "kind", "metricCode", "sourceId", "qualifier", "headline"];

    private static readonly string Weights = string.Join(", ", SearchIndex.Columns.Select(c => c.Weight.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The properties <see cref="FactFields"/> reads, in the order the match statements select them (the score follows).</summary>
    private static readonly IReadOnlyList<string> FactMembers = Projection.Of(Shapes.Observation, FactFields);

    /// <summary>
    /// The facts of every match come from the row the match statement joins anyway (to read its id): a second read of
    /// up to <see cref="MaxMatches"/> rows by <c>Id IN (…)</c> cost as much again.
    /// </summary>
    private static readonly string FactColumns = string.Join(", ", FactMembers.Select(m => $"o.{SqlNames.Column(typeof(Observation), m)}"));

    private static readonly Func<SqlRow, Observation> ReadFact = RowReader.For<Observation>(FactMembers);

    private static readonly string MatchSql =
        $"SELECT {FactColumns}, -bm25(\"{SearchIndex.Table}\", {Weights}) " +
        $"FROM \"{SearchIndex.Table}\" JOIN {SqlNames.Table(typeof(Observation))} o ON o.rowid = \"{SearchIndex.Table}\".rowid WHERE \"{SearchIndex.Table}\" MATCH @p0 LIMIT {MaxMatches}";

    /// <summary>
    /// Matches with every term (@p1) and ranks with the terms that are not common (@p0), a wider expression: bm25 reads
    /// only the lists of the terms it ranks by. The unary + keeps SQLite from running the ranked match once per
    /// figure of the inner one (rowid = ?), each time with bm25's counting.
    /// </summary>
    private static readonly string RankedMatchSql = RankedMatch("");

    /// <summary>
    /// <see cref="RankedMatchSql"/> when every figure of the inner match is also one of the ranked match (no term lost
    /// only some of its alternatives): both list figures in rowid order, so the first <see cref="MaxMatches"/> of the
    /// inner one are exactly the first of both, and the inner match stops there instead of listing every figure with
    /// all terms (34,410 with `physicians` at a million figures).
    /// </summary>
    private static readonly string BoundedRankedMatchSql = RankedMatch($" LIMIT {MaxMatches}");

    private static string RankedMatch(string innerLimit) =>
        $"SELECT {FactColumns}, -bm25(\"{SearchIndex.Table}\", {Weights}) " +
        $"FROM \"{SearchIndex.Table}\" JOIN {SqlNames.Table(typeof(Observation))} o ON o.rowid = \"{SearchIndex.Table}\".rowid WHERE \"{SearchIndex.Table}\" MATCH @p0 " +
        $"AND +\"{SearchIndex.Table}\".rowid IN (SELECT rowid FROM \"{SearchIndex.Table}\" WHERE \"{SearchIndex.Table}\" MATCH @p1{innerLimit}) LIMIT {MaxMatches}";

    /// <summary>Matches when every term is common: all would score (almost) 0.</summary>
    private static readonly string UnrankedMatchSql =
        $"SELECT {FactColumns}, 0.0 " +
        $"FROM \"{SearchIndex.Table}\" JOIN {SqlNames.Table(typeof(Observation))} o ON o.rowid = \"{SearchIndex.Table}\".rowid WHERE \"{SearchIndex.Table}\" MATCH @p0 LIMIT {MaxMatches}";

    private static readonly string ExistsSql = $"SELECT 1 FROM \"{SearchIndex.Table}\" WHERE \"{SearchIndex.Table}\" MATCH @p0 LIMIT 1";

    /// <param name="text">What was typed; empty lists every figure of the filter, achieved (actual) figures first, newest first.</param>
    /// <param name="filter">The observations the search is restricted to (filters of the caller); null for all.</param>
    public Task<SearchPage> SearchAsync(string? text, FilterNode? filter, PageRequest page, CancellationToken ct)
    {
        var terms = SearchTerms.Parse(text);
        if (terms.Count == 0 && !string.IsNullOrWhiteSpace(text))
            throw new QueryArgumentException("The search text has no word to search for, only punctuation or words too common to tell figures apart (such as 'the' or '的').");
        if (page.Last is not null || page.Before is not null)
            throw new QueryArgumentException("Search results page forward only: use 'first' and 'after'.");
        var size = page.First ?? paging.Value.DefaultPageSize;
        if (size < 0 || size > paging.Value.MaxPageSize)
            throw new QueryArgumentException($"'first' must be between 0 and {paging.Value.MaxPageSize}, the maximum page size; got {size}.", "first");
        var start = page.After is null ? 0 : Paging.Decode(page.After, "after") + 1;

        Found? found = null;
        List<Observation> facts;
        if (terms.Count > 0)
        {
            found = Find(terms);
            // Restricted by the caller's filter, the matches are read again with it; else the match read them already.
            facts = filter is null ? found.Facts
                : lists.List(Shapes.Observation, FilterNode.And(filter, FilterNode.Where(Shapes.Observation.KeyField, FilterOperators.In, found.Scores.Keys.ToList())), [], FactFields);
        }
        else facts = lists.List(Shapes.Observation, filter, [], FactFields);
        IEnumerable<Observation> ordered;
        Dictionary<string, double>? scores = null;
        if (found is null)
            ordered = facts.OrderBy(f => f.Kind, StringComparer.Ordinal).ThenByDescending(f => f.Year).ThenBy(f => f.Id, StringComparer.Ordinal);
        else
        {
            scores = facts.ToDictionary(f => f.Id, f => found.Scores[f.Id] * (f.Headline ? HeadlineBoost : 1));
            ordered = facts.OrderByDescending(f => scores[f.Id]).ThenBy(f => f.Kind == "actual" ? 0 : 1).ThenByDescending(f => f.Year).ThenBy(f => f.Id, StringComparer.Ordinal);
        }
        var window = ordered.Skip(start).Take(size + 1).ToList();
        var pageIds = window.Take(size).Select(f => f.Id).ToList();
        var rows = lists.List(Shapes.Observation, FilterNode.Where(Shapes.Observation.KeyField, FilterOperators.In, pageIds), []).ToDictionary(o => o.Id);
        var highlighted = found is null ? [] : found.Terms.SelectMany(t => t.Alternatives).ToList();
        var hits = pageIds.Select((id, i) =>
        {
            var o = references.Attach(rows[id]);
            var matches = HighlightedFields
                .Select(f => (f.Field, Text: f.Read(o) ?? "")).Select(f => new FieldMatch(f.Field, f.Text, FieldMatch.Find(f.Text, highlighted)))
                .Where(m => m.Spans.Count > 0).ToList();
            return new SearchHit(o, Paging.Encode(start + i), scores?[id] ?? 0, matches);
        }).ToList();
        var info = new PageInfo(window.Count > size, start > 0, hits.FirstOrDefault()?.Cursor, hits.LastOrDefault()?.Cursor);
        return Task.FromResult(new SearchPage(hits, facts.Count, info, Facets(facts), [.. (found?.Terms ?? terms).Select(t => t.Text)],
            found?.AllTermsMatched ?? true, found?.Unmatched ?? [], found?.Corrections ?? []));
    }

    private sealed record Found(Matches Matches, IReadOnlyList<SearchTerm> Terms, bool AllTermsMatched, IReadOnlyList<string> Unmatched, IReadOnlyList<TermCorrection> Corrections)
    {
        public Dictionary<string, double> Scores => Matches.Scores;
        public List<Observation> Facts => Matches.Facts;
    }

    /// <summary>The figures a match found: their facts (<see cref="FactFields"/>) and their scores by id.</summary>
    private sealed record Matches(List<Observation> Facts, Dictionary<string, double> Scores)
    {
        public int Count => Facts.Count;
    }

    /// <summary>
    /// The figures with every term; else, after correcting the terms that find nothing at all, those with every term
    /// that finds something; else those with most of them (every combination of one term fewer, and so on).
    /// </summary>
    private Found Find(IReadOnlyList<SearchTerm> typed)
    {
        var widened = typed.Select(Widen).ToList();
        typed = [.. widened.Select(w => w.Term)];
        var scores = Match([typed]);
        // A word whose own stem finds nothing was found through its nearest word only: say so.
        if (scores.Count > 0)
            return new Found(scores, typed, true, [], [.. widened.Where(w => w.Near is not null && !Exists(Quote(w.Term.Own[0]))).Select(w => new TermCorrection(w.Term.Text, w.Near!))]);

        var terms = typed.ToList();
        var corrections = new List<TermCorrection>();
        var exists = terms.Select(t => Exists(Expression(t))).ToList();
        for (var i = 0; i < terms.Count; i++)
        {
            if (exists[i] || terms[i].Own.Count != 1 || vocabulary.Correct(terms[i].Text) is not { } correction) continue;
            var corrected = SearchTerms.Parse(correction.Word) is [{ } term] ? term : new SearchTerm(correction.Word, [[correction.Stem]]);
            if (!Exists(Expression(corrected))) continue;
            corrections.Add(new TermCorrection(terms[i].Text, correction.Word));
            terms[i] = corrected with { Text = correction.Word };
            exists[i] = true;
        }
        if (corrections.Count > 0 && exists.All(e => e) && Match([terms]) is { Count: > 0 } fixedScores)
            return new Found(fixedScores, terms, true, [], corrections);

        var unmatched = terms.Where((_, i) => !exists[i]).Select(t => t.Text).ToList();
        var present = terms.Where((_, i) => exists[i]).ToList();
        for (var k = present.Count; k >= 1; k--)
        {
            var subsets = Subsets(present, k).Take(64).ToList();
            scores = Match(subsets);
            if (scores.Count > 0) return new Found(scores, terms, false, unmatched, corrections);
        }
        return new Found(new Matches([], []), terms, false, unmatched, corrections);
    }

    /// <summary>
    /// An English word the texts do not have as typed may be a typo of one they have ("referals"): the nearest word
    /// of the texts becomes one more alternative (its own stem may still match other words, so it stays too).
    /// </summary>
    private (SearchTerm Term, string? Near) Widen(SearchTerm term)
    {
        if (term.Own.Count != 1 || vocabulary.Has(term.Text) || vocabulary.Correct(term.Text) is not { } near
            || term.Alternatives.Any(a => a.Count == 1 && a[0] == near.Stem)) return (term, null);
        return (term with { Alternatives = [.. term.Alternatives, [near.Stem]] }, near.Word);
    }

    private static IEnumerable<List<SearchTerm>> Subsets(List<SearchTerm> terms, int size)
    {
        if (size == 0) { yield return []; yield break; }
        for (var i = 0; i <= terms.Count - size; i++)
            foreach (var rest in Subsets(terms[(i + 1)..], size - 1))
                yield return [terms[i], .. rest];
    }

    /// <summary>An FTS5 query that every term must match.</summary>
    private static string All(IEnumerable<SearchTerm> terms) => string.Join(" AND ", terms.Select(Expression));

    /// <summary>One term as FTS5 query syntax: any of its alternatives; an alternative of several terms has them near each other. Every term is a quoted string, so nothing typed is syntax.</summary>
    private static string Expression(SearchTerm term) =>
        "(" + string.Join(" OR ", term.Alternatives.Select(a => a.Count == 1
            ? Quote(a[0])
            : string.Create(CultureInfo.InvariantCulture, $"NEAR({string.Join(" ", a.Select(Quote))}, {4 * a.Count})"))) + ")";

    public static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// The figures with all terms of any of the sets, with their scores. A word in at least half of the figures
    /// (<see cref="CommonTerms"/>) still has to match but is left out of the ranking, where bm25 would give it
    /// nothing (idf 1e-6) after reading its whole list; when a set has nothing else, no figure is ranked.
    /// </summary>
    private Matches Match(IReadOnlyList<IReadOnlyList<SearchTerm>> anyOf)
    {
        static string AnyOf(IEnumerable<IEnumerable<SearchTerm>> sets) => string.Join(" OR ", sets.Select(s => $"({All(s)})"));
        var expression = AnyOf(anyOf);
        // An alternative with a common word is left out too: bm25 reads the list of every word of every alternative.
        var ranked = anyOf.Select(set => set.Select(t => t with { Alternatives = [.. t.Alternatives.Where(a => !a.Any(common.IsCommon))] })
            .Where(t => t.Alternatives.Count > 0).ToList()).ToList();
        var rankedExpression = AnyOf(ranked);
        // A term that kept only some of its alternatives may miss figures the whole term finds (see BoundedRankedMatchSql).
        var narrowed = anyOf.SelectMany(set => set).Any(t => t.Alternatives.Any(a => a.Any(common.IsCommon)) && t.Alternatives.Any(a => !a.Any(common.IsCommon)));
        var (sql, parameters) = ranked.Any(set => set.Count == 0) ? (UnrankedMatchSql, new object?[] { expression })
            : rankedExpression == expression ? (MatchSql, [expression])
            : (narrowed ? RankedMatchSql : BoundedRankedMatchSql, [rankedExpression, expression]);
        var facts = connections.Query(sql, parameters, r => (Fact: ReadFact(r), Score: r.GetDouble(FactMembers.Count)));
        var scores = new Dictionary<string, double>(facts.Count, StringComparer.Ordinal);
        foreach (var (fact, score) in facts) scores[fact.Id] = score;
        return new Matches([.. facts.Select(f => f.Fact)], scores);
    }

    private bool Exists(string expression) => connections.Query(ExistsSql, [expression], _ => true).Count > 0;

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
}
