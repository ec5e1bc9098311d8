using OpenHealthData.Data;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Api.Search;

/// <summary>
/// The English words of the indexed texts (<see cref="SearchIndex.WordsTable"/>), read once: a typed word that
/// finds nothing is corrected to the nearest of them (one edit for a word of up to five letters, two for a longer
/// one; the more frequent word on a tie), so that "vacination" finds vaccination.
/// </summary>
public sealed class SearchVocabulary(ReadConnections connections)
{
    private readonly Lazy<List<(string Word, string Stem, int Count)>> _words = new(() =>
        connections.Query($"SELECT Word, Stem, Count FROM \"{SearchIndex.WordsTable}\"", [], r => (r.GetString(0), r.GetString(1), r.GetInt32(2))));

    private readonly Lazy<HashSet<string>> _known = new(() => [.. connections.Query($"SELECT Word FROM \"{SearchIndex.WordsTable}\"", [], r => r.GetString(0))]);

    /// <summary>Whether the texts have this word as typed (any case).</summary>
    public bool Has(string typed) => _known.Value.Contains(typed.ToLowerInvariant());

    /// <summary>The nearest word and its stem, or null when none is near enough or the word is not plain English letters.</summary>
    public (string Word, string Stem)? Correct(string typed)
    {
        var word = typed.ToLowerInvariant();
        if (word.Length < 4 || !word.All(char.IsAsciiLetterLower)) return null;
        var allowed = word.Length <= 5 ? 1 : 2;
        (string Word, string Stem, int Count, int Distance)? best = null;
        foreach (var (candidate, stem, count) in _words.Value)
        {
            if (Math.Abs(candidate.Length - word.Length) > allowed || candidate == word) continue;
            var distance = Distance(word, candidate, allowed);
            if (distance > allowed) continue;
            if (best is null || distance < best.Value.Distance || distance == best.Value.Distance && count > best.Value.Count)
                best = (candidate, stem, count, distance);
        }
        return best is { } b ? (b.Word, b.Stem) : null;
    }

    /// <summary>Edits (insert, delete, replace, swap two neighbours) from a to b; anything above max counts as max + 1.</summary>
    private static int Distance(string a, string b, int max)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > max) return max + 1;
        }
        return d[a.Length, b.Length];
    }
}
