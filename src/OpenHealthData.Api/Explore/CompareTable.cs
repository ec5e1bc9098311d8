using OpenHealthData.Data.Comparing;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Explore;

/// <summary>One like-for-like group as a table: a column per region, a row per year.</summary>
public sealed record CompareTable(ComparableGroup Group, string Heading, IReadOnlyList<Region> Regions, IReadOnlyList<CompareRow> Rows);
