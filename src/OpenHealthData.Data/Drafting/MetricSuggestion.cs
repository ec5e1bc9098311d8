namespace OpenHealthData.Data.Drafting;

/// <summary>A catalogue metric a draft figure may be, with how well its names and keywords match the words before the number (0–1).</summary>
public sealed record MetricSuggestion(string Code, string NameZh, double Score);
