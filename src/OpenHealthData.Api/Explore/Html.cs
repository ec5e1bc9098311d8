using System.Net;
using System.Text;
using OpenHealthData.Api.Search;

namespace OpenHealthData.Api.Explore;

/// <summary>Every piece of text goes into the explorer's pages through these: encoded, so that no data or input is markup.</summary>
public static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>The text, encoded, with the spans wrapped in &lt;mark&gt;.</summary>
    public static string Marked(string text, IReadOnlyList<TextSpan>? spans)
    {
        if (spans is null || spans.Count == 0) return E(text);
        var html = new StringBuilder();
        var at = 0;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (span.Start < at || span.Start + span.Length > text.Length) continue;
            html.Append(E(text[at..span.Start])).Append("<mark>").Append(E(text.Substring(span.Start, span.Length))).Append("</mark>");
            at = span.Start + span.Length;
        }
        return html.Append(E(text[at..])).ToString();
    }

    /// <summary>The text, encoded, with each span wrapped in its tag; where spans of several tags overlap, the tags nest in the order given.</summary>
    public static string Tagged(string text, IReadOnlyList<string> tagOrder, IEnumerable<(TextSpan Span, string Tag)> spans)
    {
        var flags = new int[text.Length];
        foreach (var (span, tag) in spans)
        {
            var bit = 1 << tagOrder.ToList().IndexOf(tag);
            for (var i = Math.Max(0, span.Start); i < Math.Min(text.Length, span.Start + span.Length); i++) flags[i] |= bit;
        }
        var html = new StringBuilder();
        for (var start = 0; start < text.Length;)
        {
            var end = start;
            while (end < text.Length && flags[end] == flags[start]) end++;
            var open = tagOrder.Where((_, i) => (flags[start] & (1 << i)) != 0).ToList();
            foreach (var tag in open) html.Append('<').Append(tag).Append('>');
            html.Append(E(text[start..end]));
            for (var i = open.Count - 1; i >= 0; i--) html.Append("</").Append(open[i]).Append('>');
            start = end;
        }
        return html.ToString();
    }

    /// <summary>A number as people write it: no exponent, at most four decimals, thousands grouped.</summary>
    public static string Number(double value) =>
        value.ToString(Math.Abs(value) >= 1000 && value == Math.Floor(value) ? "#,0" : "#,0.####", System.Globalization.CultureInfo.InvariantCulture);
}
