namespace OpenHealthData.Data.Seeding;

/// <summary>
/// The whole sentence around a quote. A quote is the span that holds a number, often a clause; a journalist
/// quoting the report wants the sentence, from the end of the previous one to its own full stop.
/// The texts were copied from pages: a line break inside a sentence (a page or column break, "建设县域医疗卫生⏎⏎次中心")
/// is not the end of the sentence, so the sentence runs on across it and the break is left out.
/// </summary>
public static class Sentences
{
    /// <summary>What ends a sentence in these reports: Chinese and Western full stops, question and exclamation marks, line breaks.</summary>
    private static readonly char[] Ends = ['。', '！', '？', '!', '?', '\n', '\r'];

    /// <summary>What a line may end with when it ends where its text ends (a sentence, a clause before a colon, a closing bracket or quote).</summary>
    private const string LineEnds = "。！？!?；;：:”\"）)」』";

    /// <summary>
    /// A shorter line that ends without punctuation is a heading or a caption ("资料图片"), which ends there; a
    /// paragraph cut by a page break is a long line. The five texts' headings are at most 35 characters long.
    /// </summary>
    public const int ShortestCutLine = 40;

    /// <summary>The sentence(s) of <paramref name="text"/> that contain the first occurrence of <paramref name="quote"/>; the quote itself when it does not occur.</summary>
    public static string Around(string text, string quote)
    {
        var at = quote.Length == 0 ? -1 : text.IndexOf(quote, StringComparison.Ordinal);
        if (at < 0) return quote;

        var start = at;
        while (true)
        {
            var stop = start == 0 ? -1 : text.LastIndexOfAny(Ends, start - 1);
            if (stop < 0) { start = 0; break; }
            if (text[stop] is '\n' or '\r')
            {
                var lineEnd = stop;
                while (lineEnd > 0 && text[lineEnd - 1] is '\n' or '\r') lineEnd--;
                if (IsPageBreak(text, lineEnd)) { start = lineEnd; continue; }
            }
            start = stop + 1;
            break;
        }

        var quoteEnd = at + quote.Length;
        int end;
        if (Array.IndexOf(Ends, text[quoteEnd - 1]) >= 0 && text[quoteEnd - 1] is not ('\n' or '\r')) end = quoteEnd; // the quote ends its sentence
        else
        {
            end = quoteEnd;
            while (true)
            {
                var stop = text.IndexOfAny(Ends, end);
                if (stop < 0) { end = text.Length; break; }
                if (text[stop] is '\n' or '\r')
                {
                    if (!IsPageBreak(text, stop)) { end = stop; break; }
                    end = stop;
                    while (end < text.Length && text[end] is '\n' or '\r') end++;
                    continue;
                }
                end = stop + 1;
                break;
            }
        }
        // Every line break left inside the span is a page break (any other would have ended the sentence).
        return string.Concat(text[start..end].Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
    }

    /// <summary>
    /// Whether the line break at <paramref name="lineEnd"/> cuts a sentence: the line before it is a paragraph's
    /// (at least <see cref="ShortestCutLine"/> characters) that ends without punctuation, and more text follows.
    /// </summary>
    public static bool IsPageBreak(string text, int lineEnd)
    {
        if (lineEnd == 0 || text[lineEnd - 1] is '\n' or '\r') return false; // an empty line
        var lineStart = text.LastIndexOfAny(['\n', '\r'], lineEnd - 1) + 1;
        var line = text[lineStart..lineEnd].Trim();
        if (line.Length < ShortestCutLine || LineEnds.Contains(line[^1])) return false;
        return text.AsSpan(lineEnd).TrimStart("\r\n ").Length > 0;
    }
}
