namespace OpenHealthData.Api.Explore;

/// <summary>A label on an axis: where (pixels up, or percent across) and what it says.</summary>
public sealed record ChartTick(double At, string Label);
