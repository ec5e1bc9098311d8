namespace OpenHealthData.Data.Model;

/// <summary>The closed word lists of seed-data/README.md; the loader rejects anything else.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlySet<string> Units = Set(
        "count people person_times CNY percent percentage_points per_1000 per_10k per_100k years months days hours minutes ratio square_metres rank tonnes");

    public static readonly IReadOnlySet<string> Categories = Set(
        "primary_care hospital_services workforce public_health disease_control maternal_child_health elderly_care " +
        "traditional_medicine health_finance infrastructure digital_health governance health_outcomes medical_insurance health_promotion");

    public static readonly IReadOnlySet<string> InstitutionTypes = Set(
        "hospital tcm_hospital maternal_child_hospital township_health_centre community_health_centre village_clinic " +
        "cdc medical_community medical_group health_authority other");

    public static readonly IReadOnlySet<string> RegionLevels = Set("country province prefecture county");

    public static readonly IReadOnlySet<string> ObservationKinds = Set("actual target change");

    /// <summary>How an observation's value relates to the figure (seed-data/README.md, "Qualifiers").</summary>
    public static readonly IReadOnlySet<string> Qualifiers = Set("EXACT APPROXIMATE AT_LEAST AT_MOST RANGE RANK");

    /// <summary>Whether the text gives the year of a figure (STATED) or the year is inferred by a rule in the note (INFERRED).</summary>
    public static readonly IReadOnlySet<string> YearBases = Set("STATED INFERRED");

    public static readonly IReadOnlySet<string> MetricScopes = Set($"{Model.MetricScopes.Region} {Model.MetricScopes.Institution}");

    /// <summary>Rules a reviewer can waive for one record, with the reason (observation field <c>reviewedExceptions</c>).</summary>
    public static readonly IReadOnlySet<string> ReviewableRules = Set("qualifier kind");

    public const int MinYear = 2000;
    public const int MaxYear = 2035;

    private static HashSet<string> Set(string words) => [.. words.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}
