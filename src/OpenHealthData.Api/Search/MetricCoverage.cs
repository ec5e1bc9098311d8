
namespace OpenHealthData.Api.Search;

/// <summary>Where and when a metric has figures: how many, in which regions, which years and kinds.</summary>
public sealed record MetricCoverage(int Observations, IReadOnlyList<string> Regions, IReadOnlyList<int> Years, IReadOnlyList<string> Kinds);
