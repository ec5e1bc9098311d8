namespace OpenHealthData.Api.Explore;

/// <summary>
/// A chart laid out for any width: values up in pixels (the height is fixed), years across in percent of the plot's
/// width, the value axis in its own box as wide as its widest label, so that no label is cut at 320 px or scaled to
/// nothing at 1280 px.
/// </summary>
public sealed record ChartModel(string Title, string Description, double AxisWidth, double Height, IReadOnlyList<ChartTick> Values,
    IReadOnlyList<ChartTick> Years, IReadOnlyList<ChartSeries> Series, IReadOnlyList<(string Label, string Colour)> Legend);
