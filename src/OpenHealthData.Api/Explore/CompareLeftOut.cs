using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Explore;

/// <summary>A figure of the metric that is in no comparison, and why, in words ("Wenxi: target, not a result").</summary>
public sealed record CompareLeftOut(Observation Figure, string Reason);
