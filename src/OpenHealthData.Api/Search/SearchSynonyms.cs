using OpenHealthData.Data.SearchText;

namespace OpenHealthData.Api.Search;

/// <summary>The groups of seed-data/search/words.txt as index terms: which run of a query's terms has which synonyms.</summary>
public static class SearchSynonyms
{
    private static readonly Lazy<Dictionary<string, List<(string[] Terms, int Group)>>> ByFirstTerm = new(() =>
    {
        var groups = SearchLexicon.Shared.Groups;
        var map = new Dictionary<string, List<(string[], int)>>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Count; g++)
            foreach (var word in groups[g])
            {
                var terms = TextAnalyzer.Terms(word).ToArray();
                if (terms.Length == 0) continue;
                if (!map.TryGetValue(terms[0], out var list)) map[terms[0]] = list = [];
                list.Add((terms, g));
            }
        foreach (var list in map.Values) list.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length)); // longest first
        return map;
    });

    private static readonly Lazy<List<List<string[]>>> Groups = new(() =>
        [.. SearchLexicon.Shared.Groups.Select(g => g.Select(w => TextAnalyzer.Terms(w).ToArray()).Where(t => t.Length > 0).DistinctBy(t => string.Join(' ', t)).ToList())]);

    /// <summary>The longest run of terms starting at <paramref name="at"/> that is a word of a group: its length and the group's words (itself first).</summary>
    public static (int Length, IReadOnlyList<IReadOnlyList<string>> Alternatives)? Match(IReadOnlyList<string> terms, int at)
    {
        if (!ByFirstTerm.Value.TryGetValue(terms[at], out var candidates)) return null;
        foreach (var (words, group) in candidates)
        {
            if (at + words.Length > terms.Count) continue;
            var matches = true;
            for (var i = 1; i < words.Length && matches; i++) matches = terms[at + i] == words[i];
            if (!matches) continue;
            var own = string.Join(' ', words);
            return (words.Length, [words, .. Groups.Value[group].Where(w => string.Join(' ', w) != own)]);
        }
        return null;
    }
}
