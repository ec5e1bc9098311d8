using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenHealthData.Api.Rest;

/// <summary>Writes a dataset as JSON (an array of objects) or CSV (RFC 4180, UTF-8 with BOM so that Excel reads Chinese).</summary>
public static class TableWriter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <returns>The number of rows written.</returns>
    public static int WriteJson(Stream output, IReadOnlyList<Column> columns, IEnumerable<object> rows)
    {
        using var json = new Utf8JsonWriter(output, JsonOptions);
        json.WriteStartArray();
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            json.WriteStartObject();
            foreach (var column in columns)
            {
                json.WritePropertyName(column.Name);
                switch (column.Read(row))
                {
                    case null: json.WriteNullValue(); break;
                    case string s: json.WriteStringValue(s); break;
                    case int i: json.WriteNumberValue(i); break;
                    case double d: json.WriteNumberValue(d); break;
                    case var other: json.WriteStringValue(Convert.ToString(other, CultureInfo.InvariantCulture)); break;
                }
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        return count;
    }

    /// <returns>The number of rows written.</returns>
    public static int WriteCsv(Stream output, IReadOnlyList<Column> columns, IEnumerable<object> rows)
    {
        using var csv = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        csv.WriteLine(string.Join(",", columns.Select(c => Quote(c.Name))));
        var count = 0;
        foreach (var row in rows)
        {
            csv.WriteLine(string.Join(",", columns.Select(c => Quote(Format(c.Read(row))))));
            count++;
        }
        return count;
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, and quotes inside it doubled.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
