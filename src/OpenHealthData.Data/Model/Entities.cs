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
    /// <summary>The full report text, so that quotes can be checked and read in context.</summary>
    public required string Text { get; set; }
    public List<Observation> Observations { get; set; } = [];
}

public sealed class Region
{
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public required string Level { get; set; }
    public string? ParentCode { get; set; }
    public Region? Parent { get; set; }
    public List<Region> Children { get; set; } = [];
    public List<Observation> Observations { get; set; } = [];
    public List<Institution> Institutions { get; set; } = [];
}

public sealed class Institution
{
    public required string Id { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public required string Type { get; set; }
    public required string RegionCode { get; set; }
    public Region? Region { get; set; }
    public required string SourceId { get; set; }
    public Source? Source { get; set; }
    public string? Note { get; set; }
    public List<Observation> Observations { get; set; } = [];
}

public sealed class Programme
{
    public required string Id { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public required string RegionCode { get; set; }
    public Region? Region { get; set; }
    public int StartYear { get; set; }
    public int? EndYear { get; set; }
    public string? DescriptionZh { get; set; }
    public required string DescriptionEn { get; set; }
    public required string SourceId { get; set; }
    public Source? Source { get; set; }
    public List<Observation> Observations { get; set; } = [];
}

public sealed class Metric
{
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public required string Unit { get; set; }
    public required string Category { get; set; }
    public required string Description { get; set; }
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
    public string? Note { get; set; }
}

/// <summary>Facts about the database itself (seed-data hash, build time).</summary>
public sealed class DatabaseInfo
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
