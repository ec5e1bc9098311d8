using Microsoft.Data.Sqlite;

namespace OpenHealthData.Data.Seeding;

/// <summary>
/// A <c>README</c> table inside the database, so that someone who downloads the file and opens it in sqlite3,
/// Datasette or pandas sees what each table holds without the API's documentation at hand.
/// </summary>
public static class DatabaseReadme
{
    public const string Table = "README";

    /// <summary>What each table holds; a table missing here is listed as undocumented (and a test fails).</summary>
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [Table] = "This table: what each table of the OpenHealthData database holds. The columns are described field by field in the snapshot's datapackage.json and in seed-data/README.md of the project.",
        ["Sources"] = "The five published reports, one row each: title, publisher, issuing body, region, date, and the full text (Text) every quote is taken from.",
        ["Regions"] = "Administrative regions by their six-digit division code (Code), with Chinese and English names, level and parent region.",
        ["Metrics"] = "What is measured: code, names, unit, category, a description that makes two reports' figures comparable, the dimensions its figures are split by (JSON), the base metric of a change, scope (region or institution) and search keywords (JSON).",
        ["Institutions"] = "Named hospitals, health centres, CDCs and medical communities, with their region and the report that names them.",
        ["Programmes"] = "Named policies, campaigns and projects, with their region, years and the report that names them.",
        ["Observations"] = "One figure per row: metric, dimensions (canonical JSON), region, year and year basis, kind (actual, target, change), qualifier (EXACT, APPROXIMATE, AT_LEAST, AT_MOST, RANGE, RANK) with value (and LowerBound/UpperBound for a RANGE) in the metric's unit, headline, the value as written, the verbatim quote of the report it comes from (SourceId), the whole sentence around it (Sentence), the indicator name as written (NameAsWritten), the figure it is a part of (PartOf, an observation id) and its flags (Flags, a JSON array: inferred_year, report_year, bound, approximate, target, partial_period, restated, institution, part).",
        ["MetricAliases"] = "Old metric codes (Alias) merged into another metric (MetricCode), with the dimensions they stood for (canonical JSON) and why (Note); they still resolve in the API.",
        [SearchIndex.Table] = "The full-text search index of the figures (SQLite FTS5, contentless): one row per observation (its rowid is the observation's), holding the terms the API's analyser makes of the texts (English Porter stems in lower case, numbers, Chinese words cut by jieba with the shorter words inside them, stop words dropped) in four columns: metric (names, keywords, dimensions), quote (Chinese and English), sentence, context (note, description, regions, institution, programme, source, year). Query with terms: SELECT o.Id FROM ObservationSearch s JOIN Observations o ON o.rowid = s.rowid WHERE ObservationSearch MATCH '\"出生率\"'.",
        [SearchIndex.WordsTable] = "The English words of the indexed texts as written (lower case) with their stem and how often they occur: what a misspelt search word is corrected to.",
        ["Info"] = "Facts about this file: the seed-data hash it was built from (seed_hash) and when (built_at).",
        ["sqlite_stat1"] = "SQLite's statistics for the query planner (written by ANALYZE).",
    };

    public const string Undocumented = "(not documented)";

    /// <summary>Creates and fills the README table; called last, when every other table exists.</summary>
    public static async Task WriteAsync(SqliteConnection connection, CancellationToken ct)
    {
        var tables = new List<(string Name, string Type)>();
        await using (var list = connection.CreateCommand())
        {
            // Shadow tables of a virtual table (FTS5's name_data, name_idx, …) belong to it and are not listed apart.
            list.CommandText = """
                SELECT name, type FROM sqlite_master m
                WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
                  AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' AND m.name LIKE v.name || '\_%' ESCAPE '\')
                ORDER BY name
                """;
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) tables.Add((reader.GetString(0), reader.GetString(1)));
        }
        tables.Insert(0, (Table, "table"));
        tables.Add(("sqlite_stat1", "table"));

        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE {Table} (name TEXT PRIMARY KEY, type TEXT NOT NULL, description TEXT NOT NULL)";
        await command.ExecuteNonQueryAsync(ct);
        command.CommandText = $"INSERT INTO {Table} (name, type, description) VALUES ($name, $type, $description)";
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var type = command.Parameters.Add("$type", SqliteType.Text);
        var description = command.Parameters.Add("$description", SqliteType.Text);
        foreach (var table in tables)
        {
            name.Value = table.Name;
            type.Value = table.Type;
            description.Value = Descriptions.GetValueOrDefault(table.Name, Undocumented);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
