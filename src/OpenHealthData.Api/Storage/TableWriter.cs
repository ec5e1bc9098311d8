using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenHealthData.Api.Storage;

/// <summary>Writes a dataset as JSON (an array of objects) and CSV (RFC 4180, UTF-8 with BOM so that Excel reads Chinese).</summary>
public static class TableWriter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };
    private static readonly SearchValues<char> NeedQuotes = SearchValues.Create(",\"\r\n");
    private const int FlushAt = 64 * 1024;

    /// <summary>
    /// Writes the rows as JSON and as CSV in one pass: each row's values are read once, and both writers
    /// pass their bytes on every 64 KiB, so that a million rows never sit in memory.
    /// </summary>
    /// <param name="alsoRow">Also given each row's values (in column order), e.g. to write the same pass as Parquet.</param>
    /// <returns>The number of rows written.</returns>
    public static int Write(Stream jsonOutput, Stream csvOutput, IReadOnlyList<Column> columns, IEnumerable<object> rows, Action<object?[]>? alsoRow = null)
    {
        using var json = new Utf8JsonWriter(jsonOutput, JsonOptions);
        using var csv = new StreamWriter(csvOutput, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), FlushAt, leaveOpen: true) { NewLine = "\r\n" };
        var names = columns.Select(c => JsonEncodedText.Encode(c.Name, JsonOptions.Encoder)).ToArray();
        var values = new object?[columns.Count];
        Span<char> number = stackalloc char[64];
        json.WriteStartArray();
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) csv.Write(',');
            WriteField(csv, columns[i].Name);
        }
        csv.WriteLine();
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            for (var i = 0; i < values.Length; i++) values[i] = columns[i].Read(row);
            alsoRow?.Invoke(values);
            json.WriteStartObject();
            for (var i = 0; i < values.Length; i++)
            {
                switch (values[i])
                {
                    case null: json.WriteNull(names[i]); break;
                    case string s: json.WriteString(names[i], s); break;
                    case JsonText j: json.WritePropertyName(names[i]); json.WriteRawValue(j.Text); break;
                    case int n: json.WriteNumber(names[i], n); break;
                    case double d: json.WriteNumber(names[i], d); break;
                    case bool b: json.WriteBoolean(names[i], b); break;
                    case var other: json.WriteString(names[i], Convert.ToString(other, CultureInfo.InvariantCulture)); break;
                }
            }
            json.WriteEndObject();
            if (json.BytesPending > FlushAt) json.Flush();

            for (var i = 0; i < values.Length; i++)
            {
                if (i > 0) csv.Write(',');
                switch (values[i])
                {
                    case null: break;
                    case string s: WriteField(csv, s); break;
                    case int n when n.TryFormat(number, out var length, default, CultureInfo.InvariantCulture): csv.Write(number[..length]); break;
                    case double d when d.TryFormat(number, out var length, "R", CultureInfo.InvariantCulture): WriteField(csv, number[..length]); break;
                    case bool b: csv.Write(b ? "true" : "false"); break;
                    case IFormattable f: WriteField(csv, f.ToString(null, CultureInfo.InvariantCulture)); break;
                    case var other: WriteField(csv, other.ToString()); break;
                }
            }
            csv.WriteLine();
        }
        json.WriteEndArray();
        return count;
    }

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, and quotes inside it doubled.</summary>
    private static void WriteField(TextWriter csv, ReadOnlySpan<char> field)
    {
        if (!field.ContainsAny(NeedQuotes))
        {
            csv.Write(field);
            return;
        }
        csv.Write('"');
        for (var quote = field.IndexOf('"'); quote >= 0; quote = field.IndexOf('"'))
        {
            csv.Write(field[..(quote + 1)]);
            csv.Write('"');
            field = field[(quote + 1)..];
        }
        csv.Write(field);
        csv.Write('"');
    }
}
