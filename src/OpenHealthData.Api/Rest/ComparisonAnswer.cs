namespace OpenHealthData.Api.Rest;

/// <summary>A comparison: the metric asked for (maybe an old code), the metric it means, and the like-for-like groups.</summary>
public sealed record ComparisonAnswer(string Requested, string Metric, IReadOnlyList<ComparisonGroup> Groups);
