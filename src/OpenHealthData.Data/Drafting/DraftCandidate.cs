namespace OpenHealthData.Data.Drafting;

/// <summary>
/// One figure drafted from a text: the fields of an observation record (seed-data/README.md) as the rules give
/// them, and what a reviewer needs to judge it: the metric suggestions, the sentence and the rules that fired.
/// </summary>
public sealed class DraftCandidate
{
    public required string Id { get; init; }
    public required string Source { get; init; }
    /// <summary>The best suggestion's code, or the proposed code of a new metric.</summary>
    public required string Metric { get; set; }
    public required string Region { get; init; }
    public int Year { get; init; }
    public required string YearBasis { get; init; }
    public required string Kind { get; set; }
    public required string Qualifier { get; set; }
    public double Value { get; init; }
    public double? LowerBound { get; init; }
    public double? UpperBound { get; init; }
    public required string Unit { get; init; }
    public required string ValueAsWritten { get; init; }
    public required string Quote { get; init; }
    public string? Note { get; init; }
    /// <summary>A named institution or programme in the quote (its name as written; the reviewer links it to a record).</summary>
    public string? NamedInstitution { get; init; }
    public required IReadOnlyList<MetricSuggestion> MetricSuggestions { get; set; }
    /// <summary>Set when no catalogue metric fits: the Chinese name proposed for a new metric (the words before the number).</summary>
    public string? NewMetricNameZh { get; set; }
    public required string Sentence { get; init; }
    /// <summary>Where valueAsWritten starts in the text.</summary>
    public int Offset { get; init; }
    /// <summary>The rules that fired, in the order they did.</summary>
    public required List<string> Why { get; init; }
}
