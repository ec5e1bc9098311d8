using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Explore;

/// <summary>One year of a comparison: the figures of each region (a column each, in the table's order), and how they read side by side.</summary>
public sealed record CompareRow(int Year, IReadOnlyList<IReadOnlyList<Observation>> Cells, string? Reading);
