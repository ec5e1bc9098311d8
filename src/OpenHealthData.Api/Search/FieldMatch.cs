using OpenHealthData.Data.SearchText;

namespace OpenHealthData.Api.Search;

/// <summary>A field of a result where the search terms occur, with the spans to highlight.</summary>
public sealed record FieldMatch(string Field, string Text, IReadOnlyList<TextSpan> Spans)
{
    /// <summary>
    /// Where the text has the words of a search: every word whose index term is a term of an alternative the text
    /// has whole (so "Centres" is marked for "centers", 转诊 in 双向转诊 for 转诊, "per 1,000" for "per thousand",
    /// but not "rate" alone for "birth rate"), overlapping spans merged; empty when none.
    /// </summary>
    public static IReadOnlyList<TextSpan> Find(string? text, IEnumerable<IReadOnlyList<string>> alternatives)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var tokens = TextAnalyzer.Tokens(text, fine: true);
        var present = tokens.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var terms = alternatives.Where(a => a.All(present.Contains)).SelectMany(a => a).ToHashSet(StringComparer.Ordinal);
        if (terms.Count == 0) return [];
        var merged = new List<TextSpan>();
        int start = -1, end = -1;
        foreach (var token in tokens.Where(t => terms.Contains(t.Term)).OrderBy(t => t.Start))
        {
            var (s, e) = (token.Start, token.Start + token.Length);
            if (s <= end) { end = Math.Max(end, e); continue; }
            if (start >= 0) merged.Add(new TextSpan(start, end - start));
            (start, end) = (s, e);
        }
        if (start >= 0) merged.Add(new TextSpan(start, end - start));
        return merged;
    }
}
