namespace OpenHealthData.Data.Seeding;

/// <summary>
/// The whole sentence around a quote. A quote is the span that holds a number, often a clause; a journalist
/// quoting the report wants the sentence, from the end of the previous one to its own full stop.
/// </summary>
public static class Sentences
{
    /// <summary>What ends a sentence in these reports: Chinese and Western full stops, question and exclamation marks, line breaks.</summary>
    private static readonly char[] Ends = ['。', '！', '？', '!', '?', '\n', '\r'];

    /// <summary>The sentence(s) of <paramref name="text"/> that contain the first occurrence of <paramref name="quote"/>; the quote itself when it does not occur.</summary>
    public static string Around(string text, string quote)
    {
        var at = quote.Length == 0 ? -1 : text.IndexOf(quote, StringComparison.Ordinal);
        if (at < 0) return quote;
        var start = at == 0 ? 0 : text.LastIndexOfAny(Ends, at - 1) + 1;
        var quoteEnd = at + quote.Length;
        int end;
        if (Array.IndexOf(Ends, text[quoteEnd - 1]) >= 0) end = quoteEnd; // the quote ends its sentence
        else
        {
            var stop = text.IndexOfAny(Ends, quoteEnd);
            end = stop < 0 ? text.Length : text[stop] is '\n' or '\r' ? stop : stop + 1;
        }
        return text[start..end].Trim();
    }
}
