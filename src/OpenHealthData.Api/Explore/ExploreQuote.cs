using OpenHealthData.Api.Search;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Explore;

/// <summary>
/// Quotes and sentences as they are shown and cited: the stored quote stays verbatim (byte for byte the report's), but
/// the line-break artefacts of a source file ("达到服务 能力标准": a space where a printed line ended) are not read
/// aloud: whitespace between two Chinese characters is dropped, any other run of whitespace is one space.
/// </summary>
public static class ExploreQuote
{
    /// <summary>The text without its line-break artefacts.</summary>
    public static string Display(string text) => string.Concat(Runs(text, []).Select(r => r.Text));

    /// <summary>The sentence of a figure, its quote in bold and the searched words marked, without line-break artefacts.</summary>
    public static IReadOnlyList<TextRun> Sentence(Observation o, IReadOnlyList<TextSpan>? marks)
    {
        var sentence = o.Sentence.Length > 0 ? o.Sentence : o.Quote;
        var at = sentence.IndexOf(o.Quote, StringComparison.Ordinal);
        var spans = (marks ?? []).Select(s => (s, false)).ToList();
        if (at >= 0) spans.Add((new TextSpan(at, o.Quote.Length), true));
        return Runs(sentence, spans);
    }

    /// <summary>A text with marked words (no bold), without line-break artefacts.</summary>
    public static IReadOnlyList<TextRun> Marked(string text, IReadOnlyList<TextSpan>? marks) =>
        Runs(text, [.. (marks ?? []).Select(s => (s, false))]);

    /// <summary>The text cut where its setting changes; each span is bold (true) or marked (false).</summary>
    public static IReadOnlyList<TextRun> Runs(string text, IReadOnlyList<(TextSpan Span, bool Strong)> spans)
    {
        var strong = new bool[text.Length];
        var mark = new bool[text.Length];
        foreach (var (span, isStrong) in spans)
            for (var i = Math.Max(0, span.Start); i < Math.Min(text.Length, span.Start + span.Length); i++)
                (isStrong ? strong : mark)[i] = true;
        var keep = Kept(text);
        var runs = new List<TextRun>();
        for (var start = 0; start < text.Length;)
        {
            var end = start;
            while (end < text.Length && strong[end] == strong[start] && mark[end] == mark[start]) end++;
            var piece = string.Concat(Enumerable.Range(start, end - start).Where(i => keep[i] != '\0').Select(i => keep[i]));
            if (piece.Length > 0) runs.Add(new TextRun(piece, strong[start], mark[start]));
            start = end;
        }
        return runs;
    }

    /// <summary>Each character as shown: itself, a space for the first of a run of whitespace, '\0' where dropped.</summary>
    private static char[] Kept(string text)
    {
        var kept = new char[text.Length];
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsWhiteSpace(text[i])) { kept[i] = text[i]; i++; continue; }
            var end = i;
            while (end < text.Length && char.IsWhiteSpace(text[end])) end++;
            var between = i > 0 && end < text.Length && IsChinese(text[i - 1]) && IsChinese(text[end]);
            var edge = i == 0 || end == text.Length;
            for (var j = i; j < end; j++) kept[j] = '\0';
            if (!between && !edge) kept[i] = ' ';
            i = end;
        }
        return kept;
    }

    /// <summary>A Chinese character or full-width punctuation, between which Chinese sets no space.</summary>
    private static bool IsChinese(char c) => c is >= '\u3000' and <= '\u303F' or >= '\u3400' and <= '\u9FFF' or >= '\uFF00' and <= '\uFFEF' or '“' or '”' or '‘' or '’';
}
