namespace OpenHealthData.Api.Rest;

/// <summary>
/// One like-for-like group; rows are observations as in the observations dataset (value, qualifier, flags, quote, citation,
/// region …). rankable is false when a member is a bound (rankableNote says which); scaleNote, yearNote and wordingNote say
/// what a careful reader must know (null when nothing): the rules of Comparison.Groups.
/// </summary>
public sealed record ComparisonGroup(IReadOnlyDictionary<string, string> Dimensions, string Unit, string Kind, int RegionCount,
    bool Rankable, string? RankableNote, string? ScaleNote, string? YearNote, string? WordingNote, IReadOnlyList<Dictionary<string, object?>> Rows);
