using System.Text;
using OpenHealthData.Data.SearchText;

namespace OpenHealthData.Api.Search;

/// <summary>
/// What someone typed, as the terms every result must have: words as the index cuts them (<see cref="TextAnalyzer"/>:
/// case, hyphens and punctuation folded, English stems, Chinese typed without spaces cut into words, stop words
/// dropped), runs of words that are a word of seed-data/search/words.txt with their synonyms, "quoted phrases"
/// kept whole. A long Chinese word may also be found as the shorter words it is made of (质控中心 as 质控 and 中心).
/// </summary>
public static class SearchTerms
{
    public const int MaxLength = 200;
    public const int MaxTerms = 10;

    public static IReadOnlyList<SearchTerm> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        if (text.Length > MaxLength)
            throw new Querying.QueryArgumentException($"The search text is {text.Length} characters long; the limit is {MaxLength}.");
        text = text.Normalize(NormalizationForm.FormKC);
        var terms = new List<SearchTerm>();
        void Add(SearchTerm term)
        {
            if (!terms.Any(t => t.Own.SequenceEqual(term.Own))) terms.Add(term);
        }
        var quoted = false;
        foreach (var part in text.Split('"', '“', '”'))
        {
            if (quoted)
            {
                var phrase = TextAnalyzer.Terms(part);
                if (phrase.Count > 0) Add(new SearchTerm(part.Trim(), [phrase]));
            }
            else Words(part, Add);
            quoted = !quoted;
        }
        if (terms.Count > MaxTerms)
            throw new Querying.QueryArgumentException($"The search text has {terms.Count} words; the limit is {MaxTerms}.");
        return terms;
    }

    private static void Words(string text, Action<SearchTerm> add)
    {
        var tokens = TextAnalyzer.Tokens(text, fine: false);
        var terms = tokens.Select(t => t.Term).ToList();
        for (var i = 0; i < tokens.Count;)
        {
            var length = 1;
            IReadOnlyList<IReadOnlyList<string>> alternatives = [[terms[i]], .. Pieces(terms[i])];
            if (SearchSynonyms.Match(terms, i) is { } synonym) (length, alternatives) = synonym;
            var (first, last) = (tokens[i], tokens[i + length - 1]);
            add(new SearchTerm(text[first.Start..(last.Start + last.Length)], alternatives));
            i += length;
        }
    }

    /// <summary>
    /// A Chinese word of three characters or more as the dictionary words it is made of, left to right, longest
    /// first (质控中心 → 质控, 中心), when they cover it: the index may have cut the text's words otherwise.
    /// </summary>
    private static IEnumerable<IReadOnlyList<string>> Pieces(string word)
    {
        if (word.Length < 3 || !word.All(TextAnalyzer.IsHan)) yield break;
        var inside = ChineseSegmenter.SearchWords(word).Where(w => w.Word.Length >= 2 && w.Word.Length < word.Length).ToList();
        var pieces = new List<string>();
        for (var at = 0; at < word.Length;)
        {
            var next = inside.Where(w => w.Start == at).Select(w => w.Word).OrderByDescending(w => w.Length).FirstOrDefault();
            if (next is null) yield break;
            pieces.Add(next);
            at += next.Length;
        }
        if (pieces.Count > 1) yield return pieces;
    }
}
