namespace OpenHealthData.Data.Model;

/// <summary>A published report: the primary source of every figure.</summary>
public sealed class Source
{
    public required string Id { get; set; }
    public required string FileName { get; set; }
    public required string Title { get; set; }
    public required string TitleEn { get; set; }
    public required string Publisher { get; set; }
    public required string PublisherEn { get; set; }
    public required string IssuingBody { get; set; }
    public required string IssuingBodyEn { get; set; }
    public required string RegionCode { get; set; }
    public Region? Region { get; set; }
    /// <summary>As precise as the text gives it: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    public required string Date { get; set; }
    public int PeriodStart { get; set; }
    public int PeriodEnd { get; set; }
    public string? Url { get; set; }
    public string? Note { get; set; }
    /// <summary>How the report's undated figures get their year (its one rule), in English and in Chinese.</summary>
    public string? YearRule { get; set; }
    public string? YearRuleZh { get; set; }
    /// <summary>The full report text, so that quotes can be checked and read in context.</summary>
    public required string Text { get; set; }
    public List<Observation> Observations { get; set; } = [];
}
