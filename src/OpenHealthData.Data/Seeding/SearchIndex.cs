using System.Text.Json;
using Microsoft.Data.Sqlite;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Data.Seeding;

/// <summary>
/// The full-text index of the figures: an SQLite FTS5 table with the trigram tokenizer, which matches any substring
/// of three characters or more, case-insensitively, in Chinese (no word segmentation needed) and in English alike.
/// One row per observation, in three columns weighted for ranking: what is measured (metric names, keywords and the figure's dimensions),
/// the words of the figure (quote, English rendering, sentence) and its context (description, note, region,
/// institution, programme, source). The database builder fills it in the same transaction as the rows it indexes.
/// </summary>
public static class SearchIndex
{
    public const string Table = "ObservationSearch";

    /// <summary>The searchable columns, in table order, each with its weight in the ranking (bm25).</summary>
    public static readonly IReadOnlyList<(string Name, double Weight)> Columns = [("metric", 10.0), ("words", 4.0), ("context", 1.0)];

    public static void Build(SqliteConnection connection, SqliteTransaction transaction, SeedSet seed)
    {
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = $"CREATE VIRTUAL TABLE \"{Table}\" USING fts5(id UNINDEXED, {string.Join(", ", Columns.Select(c => c.Name))}, tokenize = 'trigram')";
            create.ExecuteNonQuery();
            // FTS5 writes its in-memory terms to a new segment, to be merged later, whenever they pass 'hashsize'
            // (1 MB by default): at a million figures most of the build was writing and merging small segments.
            // 256 MB: 100 -> 62 s for the 1M synthetic set, measured; the index is the same.
            create.CommandText = $"INSERT INTO \"{Table}\" (\"{Table}\", rank) VALUES ('hashsize', {256 * 1024 * 1024})";
            create.ExecuteNonQuery();
        }
        var regions = seed.Regions.ToDictionary(r => r.Code);
        var sources = seed.Sources.ToDictionary(s => s.Id);
        var metrics = seed.Metrics.ToDictionary(m => m.Code);
        var institutions = seed.Institutions.ToDictionary(i => i.Id);
        var programmes = seed.Programmes.ToDictionary(p => p.Id);

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"{Table}\" (id, metric, words, context) VALUES ($id, $metric, $words, $context)";
        var id = insert.Parameters.Add(new SqliteParameter("$id", ""));
        var metric = insert.Parameters.Add(new SqliteParameter("$metric", ""));
        var words = insert.Parameters.Add(new SqliteParameter("$words", ""));
        var context = insert.Parameters.Add(new SqliteParameter("$context", ""));
        insert.Prepare();
        foreach (var o in seed.Observations)
        {
            var m = metrics[o.MetricCode];
            var region = regions[o.RegionCode];
            var source = sources[o.SourceId];
            var institution = o.InstitutionId is null ? null : institutions[o.InstitutionId];
            var programme = o.ProgrammeId is null ? null : programmes[o.ProgrammeId];
            id.Value = o.Id;
            metric.Value = Join([.. MetricTerms(m), .. DimensionTerms(o.Dimensions)]);
            words.Value = Join(o.Quote, o.QuoteEn, o.Sentence, o.ValueAsWritten);
            context.Value = Join(m.Description, o.Note, region.NameZh, region.NameEn, institution?.NameZh, institution?.NameEn,
                programme?.NameZh, programme?.NameEn, programme?.DescriptionZh, programme?.DescriptionEn,
                source.Title, source.TitleEn, source.Publisher, source.PublisherEn);
            insert.ExecuteNonQuery();
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

    private static string Readable(string code) => code.Replace('_', ' ');

    /// <summary>Fields are separated by a line break, so that no match spans two of them.</summary>
    private static string Join(params IEnumerable<string?> parts) => string.Join("\n", parts.Where(p => !string.IsNullOrEmpty(p)));
}
