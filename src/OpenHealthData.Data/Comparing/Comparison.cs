using System.Globalization;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Data.Comparing;

/// <summary>
/// What can be compared across regions, and what a reader must be told about each comparison: the rules of
/// seed-data/README.md ("How much can be compared"), each a method here and each tested (ComparableGroupsTests).
/// The API's compare query, the snapshot of comparable figures and the tests all group through here.
/// </summary>
public static class Comparison
{
    public const int MinRegions = 2;

    /// <summary>Units of amounts that grow with a region's size (a count of beds, of people, of yuan), unlike rates.</summary>
    public static readonly IReadOnlySet<string> SizeUnits = new HashSet<string> { "count", "people", "person_times", "CNY", "tonnes", "square_metres" };

    /// <summary>Parts of an indicator's written name that are form, not meaning: the region's prefix, 内 of 县域内, 的, spaces.</summary>
    private static readonly string[] FormWords = ["全省", "全市", "全县", "居民", "内", "的", " "];

    /// <summary>A figure about a whole region, of a metric whose figures are about whole regions.</summary>
    public static bool IsRegionFigure(Observation o, Metric metric) =>
        metric.Scope == MetricScopes.Region && o.InstitutionId is null;

    /// <summary>
    /// Rule 1, like for like: the figures of a region-scope metric about whole regions, grouped by metric, dimensions,
    /// unit and kind; a group with figures from two or more regions is comparable. Rules 2-5 add each group's notes.
    /// </summary>
    /// <param name="observations">The figures to group.</param>
    /// <param name="metricOf">The metric of a code (null when unknown: its figures are left out).</param>
    /// <param name="regionOf">The region of a code, for levels and names; the figure's own Region when left out.</param>
    public static IReadOnlyList<ComparableGroup> Groups(IEnumerable<Observation> observations, Func<string, Metric?> metricOf, Func<string, Region?>? regionOf = null) =>
    [
        .. observations
            .Where(o => metricOf(o.MetricCode) is { } metric && IsRegionFigure(o, metric))
            .GroupBy(o => (o.MetricCode, o.Dimensions, o.Unit, o.Kind))
            .Where(g => g.Select(o => o.RegionCode).Distinct().Count() >= MinRegions)
            .Select(g =>
            {
                IReadOnlyList<Observation> members = [.. g.OrderBy(o => o.RegionCode, StringComparer.Ordinal).ThenBy(o => o.Year).ThenBy(o => o.Id, StringComparer.Ordinal)];
                Region? RegionOf(Observation o) => regionOf?.Invoke(o.RegionCode) ?? o.Region;
                string Name(Observation o) => RegionOf(o)?.NameEn ?? o.RegionCode;
                var notRankable = RankableNote(members, Name);
                return new ComparableGroup(g.Key.MetricCode, g.Key.Dimensions, g.Key.Unit, g.Key.Kind, members,
                    notRankable is null, notRankable, ScaleNote(members, metricOf(g.Key.MetricCode)!, o => RegionOf(o)?.Level, Name), YearNote(members, Name), WordingNote(members, Name));
            })
            .OrderBy(g => g.MetricCode, StringComparer.Ordinal).ThenBy(g => g.Dimensions, StringComparer.Ordinal)
            .ThenBy(g => g.Unit, StringComparer.Ordinal).ThenBy(g => g.Kind, StringComparer.Ordinal),
    ];

    /// <summary>
    /// Rule 2, rank only values: a bound (AT_LEAST, AT_MOST) or a range says on which side of a number the figure lies, not
    /// where it is, so a group with one cannot be ordered (≥ 90 % and ≥ 95 % say nothing of which is higher). Null when rankable.
    /// </summary>
    public static string? RankableNote(IReadOnlyList<Observation> members, Func<Observation, string> name)
    {
        var bounds = members.Where(o => o.Qualifier is "AT_LEAST" or "AT_MOST" or "RANGE").ToList();
        if (bounds.Count == 0) return null;
        var which = string.Join("; ", bounds.Select(o => $"{name(o)} {o.Year} {Written(o)}"));
        return bounds.Count == members.Count
            ? $"Not rankable: every figure is a bound, not a value ({which}); bounds cannot be ordered."
            : $"Not rankable: {which} {(bounds.Count == 1 ? "is a bound" : "are bounds")}, not {(bounds.Count == 1 ? "a value" : "values")}; a bound cannot be ranked against a value.";
    }

    /// <summary>
    /// Rule 3, scale: amounts that grow with a region's size (counts, people, yuan) of regions of different levels (a
    /// county-level city beside a province) differ by scale, not performance. The texts give no population base to turn
    /// them into per-capita figures, so the note says so. Null for rates, per-capita amounts and regions of one level.
    /// </summary>
    public static string? ScaleNote(IReadOnlyList<Observation> members, Metric metric, Func<Observation, string?> levelOf, Func<Observation, string> name)
    {
        var unit = metric.Unit;
        if (!SizeUnits.Contains(unit) || metric.Code.Contains("per_capita", StringComparison.Ordinal)) return null; // a per-capita amount is not a size
        var levels = members.Select(o => (Region: name(o), Level: levelOf(o) ?? "unknown")).Distinct().ToList();
        if (levels.Select(l => l.Level).Distinct().Count() < 2) return null;
        return $"Regions of different levels ({string.Join(", ", levels.Select(l => $"{l.Region}: {l.Level}"))}): the difference in {unit} is mostly scale, " +
               "not performance; the reports give no population base for a per-capita or per-1,000 figure.";
    }

    /// <summary>
    /// Rule 4, years: a figure whose year the text does not state (filed by its report's rule, e.g. under the report's
    /// own year) or members of different years may not refer to the same period. Null when every year is stated and equal.
    /// </summary>
    public static string? YearNote(IReadOnlyList<Observation> members, Func<Observation, string> name)
    {
        var parts = new List<string>();
        var years = members.Select(o => o.Year).Distinct().Order().ToList();
        if (years.Count > 1) parts.Add($"Years differ ({string.Join(", ", members.Select(o => $"{name(o)} {o.Year}").Distinct())}).");
        var reportYear = members.Where(o => Flags.Read(o).Contains(Flags.ReportYear)).ToList();
        var reportYearSet = reportYear.ToHashSet(); // the 1M snapshot's groups have thousands of members: a list's Contains made this quadratic
        var inferred = members.Where(o => o.YearBasis == "INFERRED" && !reportYearSet.Contains(o)).ToList();
        if (reportYear.Count > 0)
            parts.Add($"{string.Join(", ", reportYear.Select(o => $"{name(o)} {o.Year}"))}: the text gives no year; filed under the report's own year, so the figure may refer to an earlier one (e.g. a survey published that year).");
        if (inferred.Count > 0)
            parts.Add($"{string.Join(", ", inferred.Select(o => $"{name(o)} {o.Year}"))}: the text gives no year; inferred by the report's rule (see note).");
        if (parts.Count > 0 && (years.Count > 1 || members.Any(o => o.YearBasis == "INFERRED")))
            parts.Add("The years may differ from what the comparison suggests.");
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    /// <summary>
    /// Rule 5, wording: the members' indicator names as written (nameAsWritten) differ in more than form (a region's
    /// prefix, 内, 的), e.g. 人均基本公共卫生服务经费 (the national basic standard) beside 人均公共卫生项目经费 (which may
    /// include local top-ups). Null when they agree; a member without a written name counts as differing.
    /// </summary>
    public static string? WordingNote(IReadOnlyList<Observation> members, Func<Observation, string> name)
    {
        var names = members.Select(o => (Region: name(o), Written: o.NameAsWritten)).Distinct().ToList();
        if (names.Select(n => n.Written is null ? null : FormWords.Aggregate(n.Written, (w, form) => w.Replace(form, "", StringComparison.Ordinal))).Distinct().Count() < 2)
            return null;
        return $"The reports word the indicator differently: {string.Join("; ", names.Select(n => $"{n.Region} {n.Written ?? "(not recorded)"}"))}. Read each figure's definition in its sentence before comparing.";
    }

    private static string Written(Observation o) => o.Qualifier switch
    {
        "AT_LEAST" => $"≥ {Number(o.Value)}",
        "AT_MOST" => $"≤ {Number(o.Value)}",
        "RANGE" => $"{Number(o.LowerBound ?? o.Value)}–{Number(o.UpperBound ?? o.Value)}",
        _ => Number(o.Value),
    } + (o.Unit == "percent" ? " %" : "");

    private static string Number(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
