using System.Globalization;

namespace OpenHealthData.Api.Explore;

/// <summary>A list of years as a span: "2023" or "2022–2024".</summary>
public static class ExploreYears
{
    public static string Span(IReadOnlyList<int> years) =>
        years.Count == 0 ? "" : years.Count == 1 ? years[0].ToString(CultureInfo.InvariantCulture) : $"{years[0]}–{years[^1]}";
}
