using System.Text;

namespace OpenHealthData.Api.Search;

/// <summary>
/// What someone typed, as the terms every result must contain: words split at spaces and punctuation,
/// "quoted phrases" kept whole. Case does not matter.
/// </summary>
public static class SearchTerms
{
    public const int MaxLength = 200;
    public const int MaxTerms = 10;

    /// <summary>The trigram index matches a term of this many characters or more; shorter ones are matched with LIKE.</summary>
    public const int IndexedLength = 3;

    private static readonly string Separators = " \t\r\n,;:，；：、。！？!?()（）[]【】《》<>";

    public static IReadOnlyList<string> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        if (text.Length > MaxLength)
            throw new Querying.QueryArgumentException($"The search text is {text.Length} characters long; the limit is {MaxLength}.");
        var terms = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        void Flush()
        {
            var term = current.ToString().Trim();
            if (term.Length > 0 && !terms.Contains(term, StringComparer.OrdinalIgnoreCase)) terms.Add(term);
            current.Clear();
        }
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (c is '"' or '“' or '”') { Flush(); quoted = !quoted; }
            else if (!quoted && Separators.Contains(c)) Flush();
            else if (!char.IsControl(c)) current.Append(c);
        }
        Flush();
        if (terms.Count > MaxTerms)
            throw new Querying.QueryArgumentException($"The search text has {terms.Count} words; the limit is {MaxTerms}.");
        return terms;
    }
}
