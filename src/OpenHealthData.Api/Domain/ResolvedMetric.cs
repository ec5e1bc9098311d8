using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Domain;

/// <summary>A metric code as a client gave it, resolved: the metric it means now and the dimensions an old code stood for.</summary>
public sealed record ResolvedMetric(Metric Metric, IReadOnlyList<KeyValuePair<string, string>> Dimensions, string? Alias);
