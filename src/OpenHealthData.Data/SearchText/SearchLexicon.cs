using System.Text;

namespace OpenHealthData.Data.SearchText;

/// <summary>
/// The search words of seed-data/search/words.txt: groups of words that mean the same for a search (spellings,
/// synonyms, abbreviations) and the Chinese words the segmenter must know. The file is compiled into this assembly
/// (and, being in seed-data/, it is part of the seed hash, so a change rebuilds the index): the segmenter's
/// dictionary is one per process, and the index and the queries must be cut with the same words.
/// </summary>
public sealed class SearchLexicon
{
    public const string ResourceName = "OpenHealthData.search-words.txt";

    /// <summary>Each line of the file: one word, or a group of words that mean the same, as written.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    /// <summary>The Chinese words of the file, for the segmenter's dictionary.</summary>
    public IReadOnlyList<string> ChineseWords { get; }

    public SearchLexicon(string text)
    {
        Groups = [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (IReadOnlyList<string>)[.. l.Split('|').Select(w => w.Trim()).Where(w => w.Length > 0)])];
        ChineseWords = [.. Groups.SelectMany(g => g).Where(w => w.Any(TextAnalyzer.IsHan)).Distinct()];
    }

    private static readonly Lazy<SearchLexicon> Compiled = new(Load);

    /// <summary>The file as compiled into this assembly.</summary>
    public static SearchLexicon Shared => Compiled.Value;

    private static SearchLexicon Load()
    {
        using var stream = typeof(SearchLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The search words ({ResourceName}, from seed-data/search/words.txt) are not in {typeof(SearchLexicon).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new SearchLexicon(reader.ReadToEnd());
    }
}
