namespace OpenHealthData.Api.Explore;

/// <summary>The figures of one region and breakdown of one kind, in one colour; joined by a line only when it is a trend (one figure a year).</summary>
public sealed record ChartSeries(string Label, string Colour, string Kind, IReadOnlyList<ChartPoint> Points, bool Joined);
