namespace OpenHealthData.Api.Search;

/// <summary>A field of a result where the search terms occur, with the spans to highlight.</summary>
public sealed record FieldMatch(string Field, string Text, IReadOnlyList<TextSpan> Spans)
{
    /// <summary>Where every term occurs in the text (case-insensitive), overlapping spans merged; empty when none does.</summary>
    public static IReadOnlyList<TextSpan> Find(string? text, IReadOnlyList<string> terms)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var found = new List<(int Start, int End)>();
        foreach (var term in terms)
            for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.OrdinalIgnoreCase))
                found.Add((at, at + term.Length));
        var merged = new List<TextSpan>();
        int start = -1, end = -1;
        foreach (var (s, e) in found.OrderBy(f => f.Start))
        {
            if (s <= end) { end = Math.Max(end, e); continue; }
            if (start >= 0) merged.Add(new TextSpan(start, end - start));
            (start, end) = (s, e);
        }
        if (start >= 0) merged.Add(new TextSpan(start, end - start));
        return merged;
    }
}
