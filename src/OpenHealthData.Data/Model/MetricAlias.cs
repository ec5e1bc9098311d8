namespace OpenHealthData.Data.Model;

/// <summary>An old metric code that was merged into another metric: it keeps resolving to that metric and its dimensions.</summary>
public sealed class MetricAlias
{
    public required string Alias { get; set; }
    public required string MetricCode { get; set; }
    public Metric? Metric { get; set; }
    /// <summary>The dimensions the old code stood for, as canonical JSON text; "{}" when none.</summary>
    public string Dimensions { get; set; } = Model.Dimensions.None;
    public string? Note { get; set; }
}
