namespace OpenHealthData.Data.Model;

public sealed class Metric
{
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public required string Unit { get; set; }
    public required string Category { get; set; }
    public required string Description { get; set; }
    /// <summary>The description in Chinese, for the Chinese pages.</summary>
    public string? DescriptionZh { get; set; }
    /// <summary>Dimension name -> allowed values, as canonical JSON text (<see cref="Dimensions"/>); "{}" when none.</summary>
    public string Dimensions { get; set; } = Model.Dimensions.None;
    /// <summary>For a <c>…_growth</c> / <c>…_change</c> metric: the metric whose change it is.</summary>
    public string? BaseMetricCode { get; set; }
    public Metric? BaseMetric { get; set; }
    /// <summary><c>region</c> (a figure about a whole region) or <c>institution</c> (about one institution).</summary>
    public string Scope { get; set; } = MetricScopes.Region;
    /// <summary>Search aliases in Chinese and English, as a JSON array of strings ("[]" when none).</summary>
    public string Keywords { get; set; } = "[]";
    public List<Observation> Observations { get; set; } = [];
}
