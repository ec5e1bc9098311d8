using OpenHealthData.Data.Model;

namespace OpenHealthData.Data.Seeding;

/// <summary>
/// The headline rule of seed-data/README.md ("The headline rule"): what happened before what is planned, a region before
/// one institution, no process counts, health outcomes always, and one indicator treated alike in every report. The
/// validator applies it to every record; a record that breaks it is a seed error naming the part broken.
/// </summary>
public static class HeadlineRule
{
    /// <summary>Units of a process count (meetings, sessions, documents, people trained): never headline in category governance.</summary>
    private static readonly IReadOnlySet<string> CountUnits = new HashSet<string> { "count", "people", "person_times", "days" };

    /// <summary>Why one record breaks the rule on its own; null when it does not.</summary>
    public static string? Broken(Observation o, Metric metric)
    {
        if (o.Headline)
        {
            if (o.Kind == "target") return "is headline but a target: results come before targets (a target is never headline)";
            if (o.InstitutionId is not null) return "is headline but about one institution: region-level figures come before institution-level ones";
            if (metric.Category == "governance" && CountUnits.Contains(o.Unit)) return "is headline but a process count (category governance)";
        }
        else if (IsResult(o) && o.InstitutionId is null && metric.Category == "health_outcomes" && o.Unit != "rank")
            return "is a region-level result of a health outcome and must be headline";
        return null;
    }

    /// <summary>
    /// Region-level results of one metric and dimensions whose headline differs between records: the same indicator is
    /// headline in every report or in none. Each pair is a record and the record it disagrees with.
    /// </summary>
    public static IEnumerable<(Observation Record, Observation Other)> Inconsistent(IEnumerable<Observation> observations) =>
        observations.Where(o => IsResult(o) && o.InstitutionId is null)
            .GroupBy(o => (o.MetricCode, o.Dimensions))
            .Where(g => g.Select(o => o.Headline).Distinct().Count() > 1)
            .SelectMany(g => g.Where(o => o.Headline != g.First().Headline).Select(o => (o, g.First())));

    private static bool IsResult(Observation o) => o.Kind is "actual" or "change";
}
