namespace OpenHealthData.Api.Explore;

/// <summary>One figure on a chart: across in percent of the plot's width, up in pixels; its bound drawn around (0, 0) of the mark.</summary>
public sealed record ChartPoint(string Id, double XPercent, double Y, string Label, string Kind, string Qualifier, string? BoundPath);
