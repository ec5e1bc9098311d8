using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Data.Drafting;

/// <summary>
/// Review of a draft file (seed-data/drafts/&lt;source&gt;.jsonl, the review's only state: a candidate stays there until it
/// is accepted or rejected, so nothing is lost when a reviewer stops mid-way). Accepting writes the record, with the
/// reviewer's edits and the next free id of its source, into the source's observations file in id order, but only
/// when it adds no error to the seed (its own, or one it causes in another record, such as a headline flag that must
/// agree across reports); otherwise the file is left as it was and those errors are returned.
/// </summary>
public static class DraftReview
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The candidates still to review, in text order.</summary>
    public static IReadOnlyList<JsonObject> Pending(string seedDirectory, string sourceId)
    {
        var path = DraftFile.PathFor(seedDirectory, sourceId);
        return File.Exists(path) ? [.. File.ReadAllLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject())] : [];
    }

    /// <summary>Accepts a candidate with the reviewer's edits (field → value; null removes the field).</summary>
    public static ReviewOutcome Accept(string seedDirectory, string sourceId, string candidateId, IReadOnlyDictionary<string, JsonNode?> edits) =>
        Write(seedDirectory, sourceId, candidateId, edits);

    /// <summary>
    /// What the validator would say of the candidate with these edits, without writing anything: the record is
    /// accepted into a scratch copy of the seed, so the seed itself is never touched (not even if the process dies).
    /// </summary>
    public static IReadOnlyList<SeedError> Verdict(string seedDirectory, string sourceId, string candidateId, IReadOnlyDictionary<string, JsonNode?> edits)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "ohd-verdict-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var file in Directory.EnumerateFiles(seedDirectory, "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(scratch, Path.GetRelativePath(seedDirectory, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
            return Accept(scratch, sourceId, candidateId, edits).Errors;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Drops a candidate from the draft file; false when it is not there.</summary>
    public static bool Reject(string seedDirectory, string sourceId, string candidateId) => RemoveFromDraft(seedDirectory, sourceId, candidateId);

    private static ReviewOutcome Write(string seedDirectory, string sourceId, string candidateId, IReadOnlyDictionary<string, JsonNode?> edits)
    {
        var candidate = Pending(seedDirectory, sourceId).FirstOrDefault(c => (string?)c["id"] == candidateId)
            ?? throw new KeyNotFoundException($"no candidate '{candidateId}' in {DraftFile.PathFor(seedDirectory, sourceId)}");
        var record = candidate.DeepClone().AsObject();
        record.Remove("draft");
        foreach (var (field, value) in edits)
        {
            if (value is null) record.Remove(field);
            else record[field] = value.DeepClone();
        }
        var id = NextId(seedDirectory, sourceId);
        record["id"] = id;
        record["source"] = sourceId;

        // The errors the seed has already (none, normally) are not the record's: it is refused for those it adds.
        var already = SeedReader.TryRead(seedDirectory).Errors.Select(Key).ToHashSet();
        var path = ObservationFile(seedDirectory, sourceId);
        var before = File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
        var lines = (before ?? "").Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        // Canonical order is id order (ids follow the text): the new line goes before the first higher id; other lines stay put.
        var at = lines.FindIndex(l => string.CompareOrdinal(IdOf(l), id) > 0);
        lines.Insert(at < 0 ? lines.Count : at, Line(record));
        File.WriteAllLines(path, lines, new UTF8Encoding(false));

        // Its own errors, and those it causes in other records (one indicator headline in every report or in none).
        var caused = SeedReader.TryRead(seedDirectory).Errors.Where(e => !already.Contains(Key(e))).ToList();
        if (caused.Count > 0)
        {
            if (before is null) File.Delete(path);
            else File.WriteAllText(path, before, new UTF8Encoding(false));
            return new ReviewOutcome(null, caused);
        }
        RemoveFromDraft(seedDirectory, sourceId, candidateId);
        return new ReviewOutcome(id, []);
    }

    /// <summary>An error without its line, which moves when a line is inserted above it.</summary>
    private static (string, string?, string?, string) Key(SeedError e) => (e.File, e.Record, e.Field, e.Message);

    /// <summary>The order of an observation's fields in the curated files (the draft's order, the optional fields in their places).</summary>
    private static readonly string[] FieldOrder =
    [
        "id", "source", "metric", "dimensions", "region", "year", "yearBasis", "kind", "value", "lowerBound", "upperBound", "unit", "qualifier",
        "headline", "valueAsWritten", "quote", "quoteEn", "institution", "programme", "nameAsWritten", "partOf", "reviewedExceptions", "note", "noteZh",
    ];

    /// <summary>
    /// A record as the curated lines are written: its fields in <see cref="FieldOrder"/> (any other after them), a space
    /// after each colon and comma, Chinese as characters; so an accepted record reads like its neighbours in a diff.
    /// </summary>
    private static string Line(JsonObject record) =>
        Write(new JsonObject(record.OrderBy(p => Array.IndexOf(FieldOrder, p.Key) is var i && i < 0 ? FieldOrder.Length : i)
            .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))));

    private static string Write(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(", ", o.Select(p => JsonSerializer.Serialize(p.Key, Json) + ": " + Write(p.Value))) + "}",
        JsonArray a => "[" + string.Join(", ", a.Select(Write)) + "]",
        null => "null",
        _ => node.ToJsonString(Json),
    };

    /// <summary>The next free id of a source, `&lt;source&gt;-NNN` one above the highest in use: ids are never reused.</summary>
    public static string NextId(string seedDirectory, string sourceId)
    {
        var prefix = sourceId + "-";
        var highest = SeedReader.DataFiles(seedDirectory, "observations")
            .SelectMany(File.ReadLines)
            .Select(IdOf)
            .Where(id => id.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(id[prefix.Length..], out _))
            .Select(id => int.Parse(id[prefix.Length..]))
            .DefaultIfEmpty(0).Max();
        return $"{prefix}{highest + 1:000}";
    }

    /// <summary>The observations file of a source: the last of its files (yueqing has two parts), or a new `&lt;source&gt;.jsonl`.</summary>
    public static string ObservationFile(string seedDirectory, string sourceId) =>
        SeedReader.DataFiles(seedDirectory, "observations")
            .LastOrDefault(f => Path.GetFileName(f) == sourceId + ".jsonl" || Path.GetFileName(f).StartsWith(sourceId + ".", StringComparison.Ordinal))
        ?? Path.Combine(seedDirectory, "observations", sourceId + ".jsonl");

    private static bool RemoveFromDraft(string seedDirectory, string sourceId, string candidateId)
    {
        var path = DraftFile.PathFor(seedDirectory, sourceId);
        if (!File.Exists(path)) return false;
        var lines = File.ReadAllLines(path);
        var kept = lines.Where(l => l.Trim().Length > 0 && IdOf(l) != candidateId).ToList();
        if (kept.Count == lines.Count(l => l.Trim().Length > 0)) return false;
        File.WriteAllLines(path, kept, new UTF8Encoding(false));
        return true;
    }

    private static string IdOf(string line)
    {
        if (line.Trim().Length == 0) return "";
        try { return (string?)JsonNode.Parse(line)?["id"] ?? ""; }
        catch (JsonException) { return ""; }
    }
}
