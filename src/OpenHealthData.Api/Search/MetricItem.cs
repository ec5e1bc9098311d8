namespace OpenHealthData.Api.Search;

public sealed record MetricItem(string Code, string NameZh, string NameEn, string Unit, string Category, string Description, MetricCoverage Coverage);
