namespace OpenHealthData.Api.Search;

/// <summary>
/// One REST search result: the figure's columns, its relevance, the matched spans, and what tells it apart from
/// another figure of the same sentence: its breakdown (dimension → value, as codes), kind, qualifier, year and how the year was decided.
/// </summary>
public sealed record SearchResultItem(Dictionary<string, object?> Observation, double Score, IReadOnlyList<FieldMatch> Matches,
    IReadOnlyDictionary<string, string> Breakdown, string Kind, string Qualifier, int Year, string YearBasis);
