using System.Collections.Concurrent;
using System.Text;

namespace OpenHealthData.Data.SearchText;

/// <summary>
/// Turns text into the terms of the search index, the same way for the texts indexed and for the words typed:
/// full-width letters and digits folded to ASCII, case folded, every character that is not a letter, a digit or a
/// Chinese character a separator (hyphens and punctuation included), English words reduced to their Porter stem,
/// numbers with their thousands separators removed ("29,162" = "29162") and their decimals kept ("90.45"), Chinese
/// cut into words by jieba, and stop words (the, of, 的, 和 …) dropped. The index holds the terms joined by spaces.
/// </summary>
public static class TextAnalyzer
{
    /// <summary>Words too common to tell figures apart; dropped from the index and from queries.</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as", "is", "are", "was",
        "were", "be", "been", "it", "its", "this", "that", "these", "those", "s", "how", "many", "much", "what", "which",
        "的", "了", "和", "与", "及", "或", "等", "是", "在", "为", "对", "将", "并", "其", "之", "也", "都", "而", "个",
        "年", "月", "日", "中", "有", "多少", "几", "哪些", "什么", "情况", "达", "到", "共", "约", "把", "被", "从", "向",
    };

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>A full-width letter or digit (as a Chinese keyboard types them) as ASCII, and ASCII letters in lower case.</summary>
    private static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0);
        return c is >= 'A' and <= 'Z' ? (char)(c + 32) : char.ToLowerInvariant(c);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) && !IsHan(c);

    // Caches: the index repeats the same words and Chinese phrases a million times at scale.
    private static readonly ConcurrentDictionary<string, string> Stems = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string, bool), (string Word, int Start)[]> Runs = new();
    private const int MaxCached = 200_000;

    /// <summary>The terms of a text with where each is, for the index (fine: Chinese words and the shorter words inside them) or for a query (the words only).</summary>
    public static List<Token> Tokens(string? text, bool fine)
    {
        var tokens = new List<Token>();
        if (string.IsNullOrEmpty(text)) return tokens;
        var n = text.Length;
        var i = 0;
        var word = new StringBuilder();
        while (i < n)
        {
            var c = Fold(text[i]);
            if (IsHan(c))
            {
                var j = i + 1;
                while (j < n && IsHan(text[j])) j++;
                foreach (var (w, start) in Chinese(text[i..j], fine))
                    if (!StopWords.Contains(w)) tokens.Add(new Token(w, i + start, w.Length));
                i = j;
            }
            else if (IsWordChar(c))
            {
                var j = i;
                word.Clear();
                var number = true;
                while (j < n)
                {
                    var d = Fold(text[j]);
                    if (IsWordChar(d)) { word.Append(d); number &= char.IsAsciiDigit(d); j++; }
                    // 29,162 and 90.45: a separator between digits stays in the number (a comma only before three digits).
                    else if (number && word.Length > 0 && j + 1 < n && char.IsAsciiDigit(Fold(text[j + 1]))
                             && (d == '.' && !word.ToString().Contains('.') || d == ',' && ThousandsGroup(text, j + 1)))
                    {
                        if (d == '.') word.Append('.');
                        j++;
                    }
                    else break;
                }
                var term = word.ToString();
                if (!StopWords.Contains(term)) tokens.Add(new Token(number ? term : Stem(term), i, j - i));
                i = j;
            }
            else i++;
        }
        return tokens;
    }

    /// <summary>The index's text of a text: its terms (fine), joined by spaces.</summary>
    public static string IndexText(string? text)
    {
        var tokens = Tokens(text, fine: true);
        return string.Join(' ', tokens.Select(t => t.Term));
    }

    /// <summary>The terms (not fine) of a text, for queries and for the words of the lexicon.</summary>
    public static List<string> Terms(string? text) => [.. Tokens(text, fine: false).Select(t => t.Term)];

    private static bool ThousandsGroup(string text, int at)
    {
        var digits = 0;
        while (at + digits < text.Length && char.IsAsciiDigit(text[at + digits])) digits++;
        return digits == 3;
    }

    public static string Stem(string word)
    {
        if (Stems.TryGetValue(word, out var stem)) return stem;
        stem = PorterStemmer.Stem(word);
        if (Stems.Count < MaxCached) Stems[word] = stem;
        return stem;
    }

    private static (string Word, int Start)[] Chinese(string run, bool fine)
    {
        if (Runs.TryGetValue((run, fine), out var words)) return words;
        words = [.. fine ? ChineseSegmenter.SearchWords(run) : ChineseSegmenter.Words(run)];
        if (Runs.Count < MaxCached) Runs[(run, fine)] = words;
        return words;
    }
}
