using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OpenHealthData.Data.Model;
using OpenHealthData.Data.SearchText;

namespace OpenHealthData.Data.Seeding;

/// <summary>
/// The full-text index of the figures: an SQLite FTS5 table of the terms <see cref="TextAnalyzer"/> makes of each
/// figure's texts (English stems, numbers, Chinese words cut by jieba with the shorter words inside them), one row
/// per observation (its rowid is the observation's), in four columns weighted for ranking: what is measured (metric
/// names, keywords, code words and the figure's dimensions), the quote (Chinese and English), the sentence around
/// it, and the context (note, metric description, region with its short name and the regions above it,
/// institution, programme, source, year). Contentless: the texts are in Observations; the index holds only terms.
/// Beside it, <see cref="WordsTable"/> lists the English words of the texts as written, to correct typos in queries.
/// The database builder fills both in the same transaction as the rows they index.
/// </summary>
public static class SearchIndex
{
    public const string Table = "ObservationSearch";
    public const string WordsTable = "ObservationSearchWords";

    /// <summary>The searchable columns, in table order, each with its weight in the ranking (bm25).</summary>
    public static readonly IReadOnlyList<(string Name, double Weight)> Columns = [("metric", 10.0), ("quote", 5.0), ("sentence", 2.0), ("context", 1.0)];

    /// <summary>The characters that are ASCII letters in lower case after <see cref="string.ToLowerInvariant()"/>: the letters, İ and the Kelvin sign.</summary>
    private static readonly SearchValues<char> MayLowerToAsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\u0130\u212A");

    /// <summary>The suffixes of Chinese region names that people leave out: 乐清 for 乐清市, 江西 for 江西省.</summary>
    private static readonly string[] PlaceSuffixes = ["特别行政区", "自治区", "自治州", "自治县", "省", "市", "县", "区", "盟", "旗"];

    public static void Build(SqliteConnection connection, SqliteTransaction transaction, SeedSet seed)
    {
        Execute(connection, transaction,
            $"CREATE VIRTUAL TABLE \"{Table}\" USING fts5({string.Join(", ", Columns.Select(c => c.Name))}, content = '', tokenize = \"unicode61 remove_diacritics 0 tokenchars '.'\")",
            // FTS5 writes its in-memory terms to a new segment, to be merged later, whenever they pass 'hashsize'
            // (1 MB by default): at a million figures most of the build was writing and merging small segments.
            $"INSERT INTO \"{Table}\" (\"{Table}\", rank) VALUES ('hashsize', {256 * 1024 * 1024})",
            $"CREATE TABLE \"{WordsTable}\" (Word TEXT NOT NULL PRIMARY KEY, Stem TEXT NOT NULL, Count INTEGER NOT NULL) WITHOUT ROWID");

        var words = new Dictionary<string, (string Stem, int Count)>(StringComparer.Ordinal);
        // The index text of a text, analysed once per distinct text where it repeats (dimensions, notes, a quote that
        // gives several figures), from a cache of the first texts: it held up to 500,000 texts to the end of the build,
        // at a million figures nearly all of them quotes that never repeat.
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        // English words are counted once per distinct text, cached or not: the texts counted are remembered by digest.
        var counted = new HashSet<UInt128>(seed.Observations.Count);
        string Text(params IEnumerable<string?> parts)
        {
            var joined = string.Join("\n", parts.Where(p => !string.IsNullOrEmpty(p)));
            if (texts.TryGetValue(joined, out var indexed)) return indexed;
            var tokens = TextAnalyzer.Tokens(joined, fine: true);
            if (counted.Add(Digest(joined)))
                CountWords(joined, tokens);
            indexed = string.Join(' ', tokens.Select(t => t.Term));
            if (texts.Count < CachedTexts) texts[joined] = indexed;
            return indexed;
        }

        void CountWords(string joined, List<Token> tokens)
        {
            foreach (var t in tokens)
            {
                // Most terms are Chinese words and numbers: no use lower-casing them to learn they are not English words.
                if (t.Length < 3 || joined.AsSpan(t.Start, t.Length).ContainsAnyExcept(MayLowerToAsciiLetters)) continue;
                var word = joined.Substring(t.Start, t.Length).ToLowerInvariant();
                if (word.Length >= 3 && word.All(char.IsAsciiLetterLower))
                    words[word] = (t.Term, words.GetValueOrDefault(word).Count + 1);
            }
        }

        var regions = seed.Regions.ToDictionary(r => r.Code);
        var institutions = seed.Institutions.ToDictionary(i => i.Id);
        var programmes = seed.Programmes.ToDictionary(p => p.Id);
        var metricTexts = seed.Metrics.ToDictionary(m => m.Code, m => (Names: Text(MetricTerms(m)), Description: Text(m.Description)));
        var regionTexts = seed.Regions.ToDictionary(r => r.Code, r => Text(RegionTerms(r, regions)));
        // Analysed once per source and per institution and programme pair here, not left to the cache of texts,
        // which the figures' own quotes fill at a million figures.
        var sourceTexts = seed.Sources.ToDictionary(s => s.Id, s => Text(s.Title, s.TitleEn, s.Publisher, s.PublisherEn));
        var bodyTexts = new Dictionary<(string?, string?), string>();
        string BodyText(string? institutionId, string? programmeId)
        {
            if (bodyTexts.TryGetValue((institutionId, programmeId), out var text)) return text;
            var institution = institutionId is null ? null : institutions[institutionId];
            var programme = programmeId is null ? null : programmes[programmeId];
            return bodyTexts[(institutionId, programmeId)] = Text(institution?.NameZh, institution?.NameEn, programme?.NameZh, programme?.NameEn, programme?.DescriptionZh, programme?.DescriptionEn);
        }

        // The texts are analysed on a thread of their own, in the figures' order, while SQLite indexes the ones before:
        // the analysis is most of the work, and the database can only be written from this thread.
        using var stop = new CancellationTokenSource();
        using var rows = new BlockingCollection<Row>(boundedCapacity: 4096);
        var analysed = Task.Run(() =>
        {
            try
            {
                foreach (var o in seed.Observations)
                {
                    var m = metricTexts[o.MetricCode];
                    rows.Add(new Row(o.Id,
                        o.Dimensions == Model.Dimensions.None ? m.Names : m.Names + " " + Text(DimensionTerms(o.Dimensions)),
                        Text(o.Quote, o.QuoteEn),
                        // The sentence adds only what the quote does not already say (in the seed of the benchmarks they are often the same).
                        o.Sentence == o.Quote ? "" : Text(o.Sentence),
                        string.Join(' ', Text(o.Note), m.Description, regionTexts[o.RegionCode], BodyText(o.InstitutionId, o.ProgrammeId),
                            sourceTexts[o.SourceId], o.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))), stop.Token);
                }
            }
            finally { rows.CompleteAdding(); }
        }, CancellationToken.None);

        using var insert = new BulkInsert(connection, $"INSERT INTO \"{Table}\" (rowid, metric, quote, sentence, context) VALUES ((SELECT rowid FROM Observations WHERE Id = ?), ?, ?, ?, ?)");
        try
        {
            foreach (var row in rows.GetConsumingEnumerable())
            {
                insert.Bind(0, row.Id);
                insert.Bind(1, row.Metric);
                insert.Bind(2, row.Quote);
                insert.Bind(3, row.Sentence);
                insert.Bind(4, row.Context);
                insert.Execute();
            }
        }
        catch
        {
            stop.Cancel(); // the analysis would wait for room that never comes
            try { analysed.Wait(); } catch (AggregateException) { } // this failure is the one to report
            throw;
        }
        analysed.GetAwaiter().GetResult(); // the analysis's own failure, if any

        using var insertWord = connection.CreateCommand();
        insertWord.Transaction = transaction;
        insertWord.CommandText = $"INSERT INTO \"{WordsTable}\" (Word, Stem, Count) VALUES ($word, $stem, $count)";
        var w = insertWord.Parameters.Add(new SqliteParameter("$word", ""));
        var stem = insertWord.Parameters.Add(new SqliteParameter("$stem", ""));
        var count = insertWord.Parameters.Add(new SqliteParameter("$count", 0));
        insertWord.Prepare();
        foreach (var (word, (s, c)) in words)
        {
            (w.Value, stem.Value, count.Value) = (word, s, c);
            insertWord.ExecuteNonQuery();
        }
    }

    /// <summary>How many distinct texts the build keeps analysed: more than the real data's, a few percent of a million figures'.</summary>
    private const int CachedTexts = 65_536;

    /// <summary>A text's SHA-256, cut to 128 bits: what tells two texts apart without keeping them.</summary>
    private static UInt128 Digest(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan()), hash);
        return MemoryMarshal.Read<UInt128>(hash);
    }

    /// <summary>The index's texts of one figure, as the analysis hands them to the database thread.</summary>
    private sealed record Row(string Id, string Metric, string Quote, string Sentence, string Context);

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, params string[] statements)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        foreach (var sql in statements)
        {
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// What a metric is called: its names, its code read as words ("birth_rate" → "birth rate") and its keywords,
    /// the search aliases in Chinese and English ("tight-knit", 医共体) that people type instead of the official name.
    /// </summary>
    public static IEnumerable<string?> MetricTerms(Metric m) =>
        [m.NameZh, m.NameEn, Readable(m.Code), .. JsonSerializer.Deserialize<List<string>>(m.Keywords) ?? []];

    /// <summary>A figure's dimensions read as words ("population: key groups"), so that "key groups" finds those figures.</summary>
    public static IEnumerable<string?> DimensionTerms(string dimensions) =>
        Model.Dimensions.Parse(dimensions).Select(p => $"{Readable(p.Key)}: {Readable(p.Value)}");

    /// <summary>A region's names, its Chinese name without the suffix people leave out, and the names of the regions above it (乐清市 is in 温州市, 浙江省).</summary>
    public static IEnumerable<string?> RegionTerms(Region region, IReadOnlyDictionary<string, Region> regions)
    {
        for (Region? r = region; r is not null; r = r.ParentCode is { } parent ? regions.GetValueOrDefault(parent) : null)
        {
            yield return r.NameZh;
            yield return r.NameEn;
            if (ShortName(r.NameZh) is { } shortName) yield return shortName;
        }
    }

    /// <summary>乐清 of 乐清市, 江西 of 江西省; null when no suffix can go (a name of two characters keeps its suffix).</summary>
    public static string? ShortName(string nameZh) =>
        PlaceSuffixes.FirstOrDefault(s => nameZh.EndsWith(s, StringComparison.Ordinal) && nameZh.Length - s.Length >= 2) is { } suffix
            ? nameZh[..^suffix.Length] : null;

    private static string Readable(string code) => code.Replace('_', ' ');
}
