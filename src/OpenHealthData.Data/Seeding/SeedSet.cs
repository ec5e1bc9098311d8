using OpenHealthData.Data.Model;

namespace OpenHealthData.Data.Seeding;

/// <summary>Everything read from seed-data, validated, ready to be written.</summary>
public sealed record SeedSet(
    string Hash,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Region> Regions,
    IReadOnlyList<Institution> Institutions,
    IReadOnlyList<Programme> Programmes,
    IReadOnlyList<Metric> Metrics,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<MetricAlias> MetricAliases);
