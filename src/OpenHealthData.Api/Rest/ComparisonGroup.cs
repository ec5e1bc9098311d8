namespace OpenHealthData.Api.Rest;

/// <summary>One like-for-like group; rows are observations as in the observations dataset (value, qualifier, quote, citation, region …).</summary>
public sealed record ComparisonGroup(IReadOnlyDictionary<string, string> Dimensions, string Unit, string Kind, int RegionCount, IReadOnlyList<Dictionary<string, object?>> Rows);
