using System.Globalization;
using OpenHealthData.Api.Search;

namespace OpenHealthData.Api.Explore;

/// <summary>What the explorer's address asks for: words, filters and a page. The same names as REST search.</summary>
public sealed record ExploreQuery(string? Q, SearchFilter Filter, string? After)
{
    public static readonly IReadOnlyList<string> FilterKeys = ["region", "year", "kind", "category", "metric", "source", "qualifier", "headline"];

    /// <summary>The query, or a message saying which value is wrong.</summary>
    public static (ExploreQuery? Query, string? Error) Parse(IQueryCollection query)
    {
        string? Value(string key) => query[key].ToString() is { Length: > 0 } v ? v.Trim() : null;
        int? year = null;
        if (Value("year") is { } y)
        {
            if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) return (null, $"'year' must be a year such as 2023, not '{y}'.");
            year = parsed;
        }
        bool? headline = null;
        if (Value("headline") is { } h)
        {
            if (!bool.TryParse(h, out var parsed)) return (null, $"'headline' must be true or false, not '{h}'.");
            headline = parsed;
        }
        return (new ExploreQuery(Value("q"), new SearchFilter(null, year, Value("kind"), Value("category"), Value("metric"), Value("source"),
            Value("qualifier")?.ToUpperInvariant(), headline, WithinRegion: Value("region")), Value("after")), null);
    }

    /// <summary>Whether the address asks for nothing: no words, no filter, the first page (the front door).</summary>
    public bool IsEmpty => Q is null && After is null && Filters().All(f => f.Value is null);

    /// <summary>The filters set, by their address names.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Filters() =>
    [
        new("region", Filter.WithinRegion), new("year", Filter.Year?.ToString(CultureInfo.InvariantCulture)), new("kind", Filter.Kind),
        new("category", Filter.Category), new("metric", Filter.Metric), new("source", Filter.Source),
        new("qualifier", Filter.Qualifier), new("headline", Filter.Headline is { } h ? (h ? "true" : "false") : null),
    ];

    /// <summary>This query's words and filters, one of them changed (null removes it), back on the first page.</summary>
    public IEnumerable<KeyValuePair<string, string?>> With(string key, string? value) =>
        Filters().Where(f => f.Key != key).Append(new(key, value)).Prepend(new("q", Q));

    public IEnumerable<KeyValuePair<string, string?>> Current(string? after = null) => Filters().Prepend(new("q", Q)).Append(new("after", after));
}
