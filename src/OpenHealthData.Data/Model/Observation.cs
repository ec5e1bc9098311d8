namespace OpenHealthData.Data.Model;

/// <summary>One figure: metric × region × year (× institution/programme) → value, with its verbatim quote.</summary>
public sealed class Observation
{
    public required string Id { get; set; }
    public required string SourceId { get; set; }
    public Source? Source { get; set; }
    public required string MetricCode { get; set; }
    public Metric? Metric { get; set; }
    public required string RegionCode { get; set; }
    public Region? Region { get; set; }
    public int Year { get; set; }
    public required string Kind { get; set; }
    /// <summary>How <see cref="Value"/> relates to the figure: one of <see cref="Vocabulary.Qualifiers"/>.</summary>
    public required string Qualifier { get; set; }
    /// <summary>What the value holds depends on the qualifier: the number, a bound, the lower bound of a range or a rank.</summary>
    public double Value { get; set; }
    /// <summary>Both set for a RANGE only.</summary>
    public double? LowerBound { get; set; }
    public double? UpperBound { get; set; }
    /// <summary>STATED (the text gives the year) or INFERRED (the note says the rule).</summary>
    public required string YearBasis { get; set; }
    /// <summary>A figure a health journalist would lead with (outcomes, coverage, capacity, money, staff).</summary>
    public bool Headline { get; set; }
    /// <summary>Dimension name -> value as canonical JSON text (<see cref="Model.Dimensions"/>); "{}" when none.</summary>
    public string Dimensions { get; set; } = Model.Dimensions.None;
    /// <summary>Rule name -> the reason a reviewer accepted, as canonical JSON text; null when none.</summary>
    public string? ReviewedExceptions { get; set; }
    public required string Unit { get; set; }
    public required string ValueAsWritten { get; set; }
    public required string Quote { get; set; }
    public required string QuoteEn { get; set; }
    /// <summary>The whole sentence of the report around the quote, derived by the loader from the source text.</summary>
    public string Sentence { get; set; } = "";
    public string? InstitutionId { get; set; }
    public Institution? Institution { get; set; }
    public string? ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    /// <summary>The indicator's name exactly as the quote writes it (县域内就诊率, 人均公共卫生项目经费), so that a comparison can show how the reports word it.</summary>
    public string? NameAsWritten { get; set; }
    /// <summary>What a careful reader must know about the figure, as a JSON array of <see cref="Comparing.Flags"/> words ("[]" when none); derived by the loader.</summary>
    public string Flags { get; set; } = "[]";
    /// <summary>The id of the figure this one is a part of (其中, of which, 含): a breakdown of that total, not to be added to it.</summary>
    public string? PartOf { get; set; }
    public string? Note { get; set; }
    /// <summary>The note in Chinese, for the Chinese pages.</summary>
    public string? NoteZh { get; set; }
}
