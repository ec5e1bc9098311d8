namespace OpenHealthData.Api.Review;

/// <summary>
/// One field of an observation record on the review page: its name in the seed format (which the validator's errors
/// name), how it is edited, the closed list it takes its value from, or the datalist that suggests values as one types.
/// </summary>
public sealed record ReviewField(string Name, ReviewFieldKind Kind, IReadOnlyList<string>? Choices = null, string? Suggest = null, bool Wide = false);
