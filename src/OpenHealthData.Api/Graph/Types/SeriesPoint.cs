using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>A point of a chartable series: one year's value of a metric in a region.</summary>
public sealed record SeriesPoint(int Year, double Value, string Unit, string Kind, Observation Observation);
