namespace OpenHealthData.Api.Search;

public sealed record SearchResultItem(Dictionary<string, object?> Observation, double Score, IReadOnlyList<FieldMatch> Matches);
