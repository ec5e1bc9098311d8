using OpenHealthData.Data.Model;

namespace OpenHealthData.Data.Comparing;

/// <summary>
/// Like-for-like figures: one metric, the same dimensions, unit and kind, from two or more regions; ordered by
/// region, year and id; with what a careful reader needs before putting them side by side. Built by
/// <see cref="Comparison.Groups"/>, the one definition of "comparable" and of each note.
/// </summary>
/// <param name="Rankable">False when a member is a bound or a range: the figures can be shown together, not ordered.</param>
/// <param name="RankableNote">Why the group cannot be ranked; null when it can.</param>
/// <param name="ScaleNote">Counts of regions of different levels: the difference is scale; null otherwise.</param>
/// <param name="YearNote">A member's year is not stated by the text, or the years differ; null otherwise.</param>
/// <param name="WordingNote">The members' indicator names as written differ beyond form; null otherwise.</param>
public sealed record ComparableGroup(string MetricCode, string Dimensions, string Unit, string Kind, IReadOnlyList<Observation> Observations,
    bool Rankable = true, string? RankableNote = null, string? ScaleNote = null, string? YearNote = null, string? WordingNote = null)
{
    public int RegionCount => Observations.Select(o => o.RegionCode).Distinct().Count();

    /// <summary>The notes that apply, in the order rankable, scale, year, wording.</summary>
    public IEnumerable<string> Notes => new[] { RankableNote, ScaleNote, YearNote, WordingNote }.OfType<string>();
}
