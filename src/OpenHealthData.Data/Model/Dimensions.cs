using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenHealthData.Data.Model;

/// <summary>
/// Dimensions as stored: canonical JSON text, keys sorted ordinally, no spaces, e.g. <c>{"level":"national","population":"key_groups"}</c>.
/// Two observations have the same dimensions exactly when their texts are equal, so comparing, grouping and
/// the unique natural key work on the column itself; "{}" means none.
/// </summary>
public static class Dimensions
{
    public const string None = "{}";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Name -> value pairs as canonical text (a name given twice: the last value wins).</summary>
    public static string Canonical(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs) sorted[name] = value;
        return sorted.Count == 0 ? None : JsonSerializer.Serialize(sorted, Json);
    }

    /// <summary>Name -> allowed values (a metric's declaration) as canonical text: names sorted, values in declared order.</summary>
    public static string CanonicalAllowed(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> declared)
    {
        var sorted = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in declared) sorted[name] = values;
        return sorted.Count == 0 ? None : JsonSerializer.Serialize(sorted, Json);
    }

    /// <summary>The pairs of a canonical text, sorted by name.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string canonical) =>
        [.. (JsonSerializer.Deserialize<SortedDictionary<string, string>>(canonical, Json) ?? []).OrderBy(p => p.Key, StringComparer.Ordinal)];

    /// <summary>The declaration of a metric: name -> allowed values.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ParseAllowed(string canonical) =>
        (JsonSerializer.Deserialize<Dictionary<string, List<string>>>(canonical, Json) ?? [])
            .ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);

    /// <summary>The text <c>"name":"value"</c> as it appears in a canonical text that has this pair: a filter for "contains".</summary>
    public static string Fragment(string name, string value) => $"{JsonSerializer.Serialize(name, Json)}:{JsonSerializer.Serialize(value, Json)}";

    /// <summary>Whether the dimensions hold every one of the given pairs (and maybe more).</summary>
    public static bool Includes(string canonical, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var have = Parse(canonical).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return pairs.All(p => have.TryGetValue(p.Key, out var v) && v == p.Value);
    }
}
