using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Data.Comparing;

/// <summary>
/// Per-figure flags, like Eurostat's (b break, e estimated, p provisional): what a careful reader must know before using
/// a figure, derived from the data, never typed by hand. The one definition: the loader stores them with each figure
/// and every interface (GraphQL, REST, CSV/Parquet, explorer) shows what is stored; the comparison notes read them.
/// </summary>
public static partial class Flags
{
    public const string InferredYear = "inferred_year";
    public const string ReportYear = "report_year";
    public const string Bound = "bound";
    public const string Approximate = "approximate";
    public const string Target = "target";
    public const string PartialPeriod = "partial_period";
    public const string Restated = "restated";
    public const string Institution = "institution";
    public const string Part = "part";

    /// <summary>Every flag with what it means, in the order they are listed on a figure.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Meanings =
    [
        new(InferredYear, "The text gives no year for this figure; the year is inferred by the report's rule (see note)."),
        new(ReportYear, "Filed under the report's own year because the text gives none: the figure may refer to an earlier year (e.g. a survey published that year)."),
        new(Bound, "The value is a bound (AT_LEAST, AT_MOST) or the lower end of a RANGE, not the figure itself: it cannot be ranked against values."),
        new(Approximate, "The text gives the number as approximate (约, 近, 左右)."),
        new(Target, "A goal or a limit set for the year, not a result."),
        new(PartialPeriod, "The text counts to a date within the year (截至, 目前, 同期, 上半年, 1-N月): it may not cover the whole year."),
        new(Restated, "The same value of the same metric, region and dimensions is recorded again as another kind or year (a result also set as a plan)."),
        new(Institution, "About one institution, not the whole region it is filed under."),
        new(Part, "Part of another figure (partOf): do not add it to its total."),
    ];

    /// <summary>Words that say a figure counts to a date within its year.</summary>
    [GeneratedRegex("截至|截止|(?<!项)目前|同期|上半年|前三季度|1[-—至]\\d{1,2}月")] // 项目前期 (a project's early stage) is not 目前
    private static partial Regex PartialPeriodWords();

    /// <summary>Sets <see cref="Observation.Flags"/> on every figure (they depend on the other figures: restated).</summary>
    public static void Assign(IReadOnlyList<Observation> observations, Func<string, Source> sourceOf)
    {
        // Restated: the same value of the same metric, region and dimensions under more than one (kind, year).
        var kindYears = new Dictionary<(string, string, string, string?, double, string), (string Kind, int Year, bool Restated)>();
        foreach (var o in observations)
        {
            var key = (o.MetricCode, o.Dimensions, o.RegionCode, o.InstitutionId, o.Value, o.Unit);
            if (!kindYears.TryGetValue(key, out var seen)) kindYears[key] = (o.Kind, o.Year, false);
            else if (!seen.Restated && (seen.Kind != o.Kind || seen.Year != o.Year)) kindYears[key] = seen with { Restated = true };
        }
        var written = new ConcurrentDictionary<string, string>(StringComparer.Ordinal); // a few distinct lists: one string each, not one per figure
        Parallel.ForEach(observations, o =>
        {
            var flags = JsonSerializer.Serialize(Of(o, sourceOf(o.SourceId), kindYears[(o.MetricCode, o.Dimensions, o.RegionCode, o.InstitutionId, o.Value, o.Unit)].Restated));
            o.Flags = written.GetOrAdd(flags, flags);
        });
    }

    /// <summary>The flags of one figure, in the order of <see cref="Meanings"/>.</summary>
    public static List<string> Of(Observation o, Source source, bool restated)
    {
        var flags = new List<string>();
        if (o.YearBasis == "INFERRED") flags.Add(InferredYear);
        if (o.YearBasis == "INFERRED" && o.Kind != "target" && source.Date.StartsWith(o.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            flags.Add(ReportYear);
        if (o.Qualifier is "AT_LEAST" or "AT_MOST" or "RANGE") flags.Add(Bound);
        if (o.Qualifier == "APPROXIMATE") flags.Add(Approximate);
        if (o.Kind == "target") flags.Add(Target);
        if (PartialPeriodWords().IsMatch(o.Sentence)) flags.Add(PartialPeriod);
        if (restated) flags.Add(Restated);
        if (o.InstitutionId is not null) flags.Add(Institution);
        if (o.PartOf is not null) flags.Add(Part);
        return flags;
    }

    /// <summary>The flags stored on a figure.</summary>
    public static IReadOnlyList<string> Read(Observation o) => JsonSerializer.Deserialize<List<string>>(o.Flags) ?? [];
}
