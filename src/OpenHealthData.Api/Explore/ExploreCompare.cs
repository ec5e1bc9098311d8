using OpenHealthData.Data.Comparing;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Explore;

/// <summary>
/// A metric's regions side by side: its like-for-like groups (<see cref="Comparison"/>: same breakdown, unit and kind,
/// two or more regions) as tables of a row per year and a column per region, the figures left out with the reason, and
/// each year's figures read honestly: values are ranked only where their order is certain, so two lower bounds are never
/// ranked and an exact value beside a bound reads "at least".
/// </summary>
public static class ExploreCompare
{
    public static IReadOnlyList<CompareTable> Tables(ExploreRequest r, Metric metric, IReadOnlyList<Observation> figures) =>
    [
        .. Comparison.Groups(figures, code => code == metric.Code ? metric : null).Select(g =>
        {
            var regions = g.Observations.Select(o => o.Region!).DistinctBy(x => x.Code).OrderBy(x => x.Code, StringComparer.Ordinal).ToList();
            var rows = g.Observations.GroupBy(o => o.Year).OrderBy(y => y.Key).Select(y =>
            {
                var cells = regions.Select(x => (IReadOnlyList<Observation>)[.. y.Where(o => o.RegionCode == x.Code)]).ToList();
                return new CompareRow(y.Key, cells, Reading(r, [.. y]));
            }).ToList();
            return new CompareTable(g, Heading(r, g), regions, rows);
        }),
    ];

    /// <summary>What a group holds, in words: "Results · population: key groups only · %".</summary>
    public static string Heading(ExploreRequest r, ComparableGroup g)
    {
        var breakdown = r.Breakdown(g.Dimensions);
        return string.Join(" · ", new[] { r.T("kind.plural." + g.Kind), breakdown.Length == 0 ? r.T("compare.all") : r.F("compare.only", breakdown), r.Unit(g.Unit) }.Where(s => s.Length > 0));
    }

    /// <summary>The figures in no group, each with what keeps it out.</summary>
    public static IReadOnlyList<CompareLeftOut> LeftOut(ExploreRequest r, Metric metric, IReadOnlyList<Observation> figures, IReadOnlyList<CompareTable> tables)
    {
        var grouped = tables.SelectMany(t => t.Group.Observations).Select(o => o.Id).ToHashSet();
        return
        [
            .. figures.Where(o => !grouped.Contains(o.Id)).OrderBy(o => o.RegionCode, StringComparer.Ordinal).ThenBy(o => o.Year)
                .Select(o => new CompareLeftOut(o, $"{r.RegionName(o)} {r.Year(o)}{(r.Zh ? "：" : ": ")}{Reason(r, metric, o, tables)}")),
        ];
    }

    private static string Reason(ExploreRequest r, Metric metric, Observation o, IReadOnlyList<CompareTable> tables)
    {
        if (!Comparison.IsRegionFigure(o, metric)) return r.T("compare.why.institution");
        // The nearest group: the same breakdown first, then the same kind, then the same unit.
        var nearest = tables.Select(t => t.Group)
            .OrderByDescending(g => (g.Dimensions == o.Dimensions ? 4 : 0) + (g.Kind == o.Kind ? 2 : 0) + (g.Unit == o.Unit ? 1 : 0)).FirstOrDefault();
        if (nearest is null) return r.T("compare.why.alone");
        var why = new List<string>();
        if (nearest.Kind != o.Kind) why.Add(r.F("compare.why.kind", r.Code(o.Kind), r.T("kind.noun." + nearest.Kind)));
        if (nearest.Dimensions != o.Dimensions)
            why.Add(r.F("compare.why.breakdown", Values(r, o.Dimensions), Values(r, nearest.Dimensions)));
        if (nearest.Unit != o.Unit) why.Add(r.F("compare.why.unit", r.Unit(o.Unit), r.Unit(nearest.Unit)));
        return why.Count == 0 ? r.T("compare.why.alone") : string.Join(r.Zh ? "；" : "; ", why);
    }

    /// <summary>A breakdown's values only ("key groups"), or "all, no breakdown" when it has none.</summary>
    private static string Values(ExploreRequest r, string dimensions)
    {
        var values = Dimensions.Parse(dimensions).Select(p => r.Code(p.Value)).ToList();
        return values.Count == 0 ? r.T("compare.nobreakdown") : string.Join(r.Zh ? "、" : ", ", values);
    }

    /// <summary>
    /// How one year's figures read side by side: ranked, highest first, when every value's range lies wholly above the
    /// next one's (an "at least 90 %" covers 90 % and up); otherwise said to be unranked, every bound in words.
    /// Null for a single figure.
    /// </summary>
    public static string? Reading(ExploreRequest r, IReadOnlyList<Observation> year)
    {
        if (year.Select(o => o.RegionCode).Distinct().Count() < 2 || year.Any(o => o.Qualifier == "RANK")) return null;
        var byLow = year.OrderByDescending(o => Range(o).High).ThenByDescending(o => Range(o).Low).ToList();
        var ordered = byLow.Zip(byLow.Skip(1)).All(p => Range(p.First).Low > Range(p.Second).High);
        var list = string.Join(r.Zh ? "，" : ", ", byLow.Select(o => $"{r.RegionName(o)} {ExploreValue.Words(r, o)}"));
        if (ordered) return r.F("compare.ranked", list);
        if (year.All(o => o.Qualifier is "EXACT" or "APPROXIMATE")) return r.F("compare.equal", list);
        return r.F(year.All(o => o.Qualifier == "AT_LEAST") ? "compare.unranked.lower" : "compare.unranked", list);
    }

    /// <summary>The values a figure allows: itself when exact, from its bound up (at least) or down (at most), a range's ends.</summary>
    private static (double Low, double High) Range(Observation o) => o.Qualifier switch
    {
        "AT_LEAST" => (o.Value, double.PositiveInfinity),
        "AT_MOST" => (double.NegativeInfinity, o.Value),
        "RANGE" => (o.LowerBound ?? o.Value, o.UpperBound ?? o.Value),
        _ => (o.Value, o.Value),
    };
}
