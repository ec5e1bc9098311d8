using System.Globalization;
using System.Text;
using OpenHealthData.Data.Model;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Data.Values;

namespace OpenHealthData.Data.Drafting;

/// <summary>
/// Drafts each shipped report with the metric catalogue of the other reports only (leave one report out) and compares
/// the candidates with that report's curated records: recall of curated (value, unit), precision, and for the figures
/// found, agreement of qualifier, kind, year, region and metric (top 1 and top 3; a figure whose metric only its own
/// report uses agrees when the draft proposes a new metric).
/// </summary>
public static class DraftEvaluation
{
    /// <summary>Per report, then "overall".</summary>
    public static IReadOnlyList<ReportScore> Run(string seedDirectory, ISet<(string Source, string ValueAsWritten, string Quote)>? acceptedExtras = null)
    {
        var set = SeedReader.Read(seedDirectory);
        var scores = new List<ReportScore>();
        foreach (var source in set.Sources.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            var others = set.Observations.Where(o => o.SourceId != source.Id).ToList();
            var codes = others.Select(o => o.MetricCode).ToHashSet(StringComparer.Ordinal);
            var catalogue = new MetricCatalogue(set.Metrics.Where(m => codes.Contains(m.Code)), others.ToLookup(o => o.MetricCode, o => o.Quote));
            var context = new DraftContext(source.Id, source.RegionCode, ReportYear(source), set.Regions, catalogue);
            var draft = FigureExtractor.Draft(source.Text, context);
            scores.Add(Score(source, draft.Candidates, [.. set.Observations.Where(o => o.SourceId == source.Id)], catalogue, acceptedExtras));
        }
        scores.Add(new ReportScore("overall", scores.Sum(s => s.Curated), scores.Sum(s => s.Candidates), scores.Sum(s => s.Recalled),
            scores.Sum(s => s.CorrectCandidates), scores.Sum(s => s.QualifierAgree), scores.Sum(s => s.KindAgree), scores.Sum(s => s.YearAgree),
            scores.Sum(s => s.RegionAgree), scores.Sum(s => s.MetricTop1), scores.Sum(s => s.MetricTop3),
            scores.Sum(s => s.InCatalogue), scores.Sum(s => s.InCatalogueTop1), scores.Sum(s => s.InCatalogueTop3), [.. scores.SelectMany(s => s.Misses)]));
        return scores;
    }

    /// <summary>The year of a report: the year of its date (YYYY, YYYY-MM or YYYY-MM-DD).</summary>
    public static int ReportYear(Source source) => int.Parse(source.Date[..4], CultureInfo.InvariantCulture);

    /// <summary>Compares drafts with curated records of one text (also used for the synthetic text of the tests).</summary>
    public static ReportScore Score(Source source, IReadOnlyList<DraftCandidate> candidates, IReadOnlyList<Observation> curated,
        MetricCatalogue catalogue, ISet<(string, string, string)>? acceptedExtras = null)
    {
        var misses = new List<string>();
        var matched = new HashSet<DraftCandidate>();
        int recalled = 0, qualifier = 0, kind = 0, year = 0, region = 0, top1 = 0, top3 = 0, inCatalogue = 0, catalogueTop1 = 0, catalogueTop3 = 0;
        foreach (var o in curated)
        {
            var c = Find(source.Text, o, candidates);
            if (c is null)
            {
                misses.Add($"{o.Id} recall: \"{o.ValueAsWritten}\" ({o.Value} {o.Unit}) in \"{o.Quote}\" not drafted");
                continue;
            }
            matched.Add(c);
            recalled++;
            Agree(ref qualifier, c.Qualifier == o.Qualifier, $"{o.Id} qualifier: {c.Qualifier}, curated {o.Qualifier} (\"{o.Quote}\")");
            Agree(ref kind, c.Kind == o.Kind, $"{o.Id} kind: {c.Kind}, curated {o.Kind} (\"{o.Quote}\")");
            Agree(ref year, c.Year == o.Year, $"{o.Id} year: {c.Year}, curated {o.Year} (\"{o.Quote}\")");
            Agree(ref region, c.Region == o.RegionCode, $"{o.Id} region: {c.Region}, curated {o.RegionCode}");
            var known = catalogue.Contains(o.MetricCode);
            var first = known ? c.NewMetricNameZh is null && c.MetricSuggestions.FirstOrDefault()?.Code == o.MetricCode : c.NewMetricNameZh is not null;
            var three = known ? c.MetricSuggestions.Any(s => s.Code == o.MetricCode) : c.NewMetricNameZh is not null;
            if (first) top1++;
            if (known) (inCatalogue, catalogueTop1, catalogueTop3) = (inCatalogue + 1, catalogueTop1 + (first ? 1 : 0), catalogueTop3 + (three ? 1 : 0));
            Agree(ref top3, three, known
                ? $"{o.Id} metric: {o.MetricCode} not in [{string.Join(", ", c.MetricSuggestions.Select(s => s.Code))}]"
                : $"{o.Id} metric: new metric (only this report uses {o.MetricCode}) but the draft suggests {c.Metric}");
        }
        var extras = candidates.Where(c => !matched.Contains(c) && acceptedExtras?.Contains((source.Id, c.ValueAsWritten, c.Quote)) == true).ToList();
        foreach (var c in candidates.Where(c => !matched.Contains(c) && !extras.Contains(c)))
            misses.Add($"{source.Id} precision: \"{c.ValueAsWritten}\" in \"{c.Quote}\" is not a curated figure");
        return new ReportScore(source.Id, curated.Count, candidates.Count, recalled, matched.Count + extras.Count,
            qualifier, kind, year, region, top1, top3, inCatalogue, catalogueTop1, catalogueTop3, misses);

        void Agree(ref int count, bool agrees, string miss)
        {
            if (agrees) count++;
            else misses.Add(miss);
        }
    }

    /// <summary>The candidate of a curated record: the same number at the same place of the text, in the same unit (a density in any scale).</summary>
    private static DraftCandidate? Find(string text, Observation o, IReadOnlyList<DraftCandidate> candidates)
    {
        var quoteAt = text.IndexOf(o.Quote, StringComparison.Ordinal);
        var at = quoteAt < 0 ? -1 : quoteAt + o.Quote.IndexOf(o.ValueAsWritten, StringComparison.Ordinal);
        return candidates.FirstOrDefault(c => at >= c.Offset && at < c.Offset + c.ValueAsWritten.Length && SameFigure(c, o))
               ?? candidates.FirstOrDefault(c => c.Sentence.Contains(o.Quote, StringComparison.Ordinal) && c.ValueAsWritten == o.ValueAsWritten && SameFigure(c, o));
    }

    private static bool SameFigure(DraftCandidate c, Observation o)
    {
        var factor = 1.0;
        if (UnitWords.IsDensity(c.Unit) && UnitWords.IsDensity(o.Unit)) factor = UnitWords.Denominator(o.Unit) / UnitWords.Denominator(c.Unit);
        else if (c.Unit != o.Unit) return false;
        var expected = o.Qualifier == "RANGE" ? o.LowerBound ?? o.Value : o.Value;
        return WrittenValue.Same(Math.Abs(expected), c.Value * factor, c.Unit == "minutes" ? 0.005 : 0);
    }

    /// <summary>The table bench/README.md shows: one row per report and overall.</summary>
    public static string Table(IReadOnlyList<ReportScore> scores)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| report | curated | candidates | recall | precision | qualifier | kind | year | region | metric top-1 | metric top-3 | in catalogue: top-1 / top-3 (n) | own metric: new proposed (n) |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in scores)
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.Source} | {s.Curated} | {s.Candidates} | {s.Recall:P1} | {s.Precision:P1} | {s.Qualifier:P1} | {s.Kind:P1} | {s.Year:P1} | {s.Region:P1} | {s.Top1:P1} | {s.Top3:P1} | {s.CatalogueTop1:P1} / {s.CatalogueTop3:P1} ({s.InCatalogue}) | {s.NewMetric:P1} ({s.Recalled - s.InCatalogue}) |"));
        sb.AppendLine();
        sb.AppendLine("Misses by class (overall): " + string.Join(", ", scores[^1].Misses
            .GroupBy(m => m.Split(' ')[1].TrimEnd(':')).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
        return sb.ToString();
    }
}
