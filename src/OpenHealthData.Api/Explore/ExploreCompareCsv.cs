using System.Globalization;
using System.Text;

namespace OpenHealthData.Api.Explore;

/// <summary>The compare page's tables as CSV: a line per cell (group, year, region), with the same words as the page, in its language.</summary>
public static class ExploreCompareCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "group", "year", "year_basis", "year_as_shown", "region_code", "region", "value_as_written", "value", "lower_bound", "upper_bound",
        "qualifier", "value_in_words", "kind", "unit", "breakdown", "reading", "figure_id", "source_id", "quote",
    ];

    public static string Write(ExploreRequest r, IReadOnlyList<CompareTable> tables)
    {
        var csv = new StringBuilder();
        Line(csv, Columns);
        foreach (var t in tables)
            foreach (var row in t.Rows)
                foreach (var o in row.Cells.SelectMany(c => c))
                    Line(csv,
                    [
                        t.Heading, o.Year.ToString(CultureInfo.InvariantCulture), o.YearBasis, r.Year(o), o.RegionCode, r.RegionName(o), o.ValueAsWritten,
                        Number(o.Value), Number(o.LowerBound), Number(o.UpperBound), o.Qualifier, ExploreValue.Words(r, o), o.Kind, o.Unit,
                        r.Breakdown(o.Dimensions), row.Reading ?? "", o.Id, o.SourceId, o.Quote,
                    ]);
        return csv.ToString();
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    /// <summary>One line of RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(f => f.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : f));
        csv.Append("\r\n");
    }
}
