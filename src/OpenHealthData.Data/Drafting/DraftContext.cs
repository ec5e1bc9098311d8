using OpenHealthData.Data.Model;

namespace OpenHealthData.Data.Drafting;

/// <summary>What the draft command knows besides the text: the source id, its region and year, the regions and the metric catalogue.</summary>
/// <param name="ReportYear">The year of the report (its date); undated figures never get a later year unless they are goals.</param>
public sealed record DraftContext(string SourceId, string RegionCode, int ReportYear, IReadOnlyList<Region> Regions, MetricCatalogue Metrics);
