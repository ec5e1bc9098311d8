using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenHealthData.Data.Drafting;

/// <summary>
/// seed-data/drafts/&lt;source&gt;.jsonl: one candidate a line, the observation fields first in the seed's order, then
/// what the reviewer needs (<c>draft</c>: suggestions, sentence, offset, why). The loader never reads drafts/.
/// </summary>
public static class DraftFile
{
    public const string Folder = "drafts";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string PathFor(string seedDirectory, string sourceId) => Path.Combine(seedDirectory, Folder, sourceId + ".jsonl");

    public static void Write(string path, IEnumerable<DraftCandidate> candidates)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var lines = candidates.Select(Line);
        File.WriteAllLines(path, lines, new UTF8Encoding(false));
    }

    public static string Line(DraftCandidate c)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("source", c.Source);
            w.WriteString("metric", c.Metric);
            w.WriteString("region", c.Region);
            w.WriteNumber("year", c.Year);
            w.WriteString("yearBasis", c.YearBasis);
            w.WriteString("kind", c.Kind);
            w.WriteNumber("value", c.Value);
            if (c.LowerBound is { } low) w.WriteNumber("lowerBound", low);
            if (c.UpperBound is { } high) w.WriteNumber("upperBound", high);
            w.WriteString("unit", c.Unit);
            w.WriteString("qualifier", c.Qualifier);
            w.WriteString("valueAsWritten", c.ValueAsWritten);
            w.WriteString("quote", c.Quote);
            w.WriteString("quoteEn", "");
            if (c.Note is not null) w.WriteString("note", c.Note);
            w.WriteStartObject("draft");
            w.WriteStartArray("metricSuggestions");
            foreach (var s in c.MetricSuggestions)
            {
                w.WriteStartObject();
                w.WriteString("code", s.Code);
                w.WriteString("nameZh", s.NameZh);
                w.WriteNumber("score", s.Score);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (c.NewMetricNameZh is not null) w.WriteString("newMetricNameZh", c.NewMetricNameZh);
            if (c.NamedInstitution is not null) w.WriteString("namedInstitution", c.NamedInstitution);
            w.WriteString("sentence", c.Sentence);
            w.WriteNumber("offset", c.Offset);
            w.WriteStartArray("why");
            foreach (var rule in c.Why) w.WriteStringValue(rule);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
