using OpenHealthData.Data.Drafting;
using OpenHealthData.Data.Model;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;
using Xunit.Abstractions;

namespace OpenHealthData.Tests.Drafting;

/// <summary>
/// Issue 26: the drafts of the five reports, each drafted with the other four reports' metrics only, against the
/// curated figures (floors at the level reached on the merged data of issues 23 and 26, bench/README.md "Drafting"); and a text no rule was written from.
/// </summary>
public sealed class DraftEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Leave_one_report_out_keeps_the_levels_reached()
    {
        var scores = DraftEvaluation.Run(RepoPaths.SeedData);
        output.WriteLine(DraftEvaluation.Table(scores));
        var all = scores[^1];

        Assert.Equal(SeedRecords.ObservationCount, all.Curated);
        AtLeast(all, recall: 0.985, precision: 0.90, qualifier: 0.995, kind: 0.94, year: 0.985, region: 0.95, top3: 0.91);
        Assert.True(all.Top1 >= 0.845, $"metric top-1 {all.Top1:P1}");
        Assert.True(all.CatalogueTop3 >= 0.98, $"metric top-3 of catalogue metrics {all.CatalogueTop3:P1}");
        Assert.True(all.NewMetric >= 0.895, $"new metric proposed for a report's own metrics {all.NewMetric:P1}");
    }

    /// <summary>A county's work summary written for this test in the genre of the five reports, with its figures as a curator would record them.</summary>
    private static readonly (string Written, double Value, string Unit, string Qualifier, string Kind, int Year, string Metric)[] Expected =
    [
        ("80.12岁", 80.12, "years", "EXACT", "actual", 2024, "life_expectancy"),
        ("91.2%", 91.2, "percent", "EXACT", "actual", 2024, "county_visit_rate"),
        ("68.5%", 68.5, "percent", "EXACT", "actual", 2024, "primary_care_visit_rate"),
        ("12个", 12, "count", "EXACT", "actual", 2024, "village_clinics_built"),
        ("5家", 5, "count", "EXACT", "actual", 2024, "township_hc_upgrade_projects_completed"),
        ("12家", 12, "count", "EXACT", "actual", 2024, "primary_facilities_meeting_service_capacity_standard_count"),
        ("82.36%", 82.36, "percent", "EXACT", "actual", 2024, "family_doctor_signing_rate"),
        ("3.1个百分点", 3.1, "percentage_points", "EXACT", "change", 2024, "family_doctor_signing_rate_change"),
        ("3400余件", 3400, "count", "AT_LEAST", "actual", 2024, "hotline_consultations"),
        ("95%", 95, "percent", "AT_LEAST", "actual", 2024, "immunisation_coverage_rate"),
        ("72.4%", 72.4, "percent", "EXACT", "actual", 2024, "patient_management_rate"),
        ("1.26万人", 12600, "people", "EXACT", "actual", 2024, "two_cancer_screening_women"),
        ("3.2‰", 3.2, "per_1000", "EXACT", "actual", 2024, "infant_young_child_mortality_rate"),
        ("200张", 200, "count", "EXACT", "actual", 2024, "hospital_beds_added"),
        ("4.2张", 4.2, "per_1000", "EXACT", "actual", 2023, "hospital_beds_per_1000"),
        ("4.6张", 4.6, "per_1000", "EXACT", "actual", 2024, "hospital_beds_per_1000"),
        ("1.35亿元", 135_000_000, "CNY", "EXACT", "actual", 2024, "health_project_investment"),
        ("8个", 8, "count", "EXACT", "actual", 2024, "health_projects_count"),
        ("2个", 2, "count", "EXACT", "actual", 2024, "medical_communities_formed"),
        ("第2位", 2, "rank", "RANK", "actual", 2024, "institution_performance_assessment_peer_rank"),
        ("90%", 90, "percent", "AT_LEAST", "target", 2025, "county_visit_rate"),
        ("70%", 70, "percent", "EXACT", "target", 2025, "primary_care_visit_rate"),
        ("85%", 85, "percent", "AT_LEAST", "target", 2025, "family_doctor_signing_rate"),
        ("300个", 300, "count", "EXACT", "target", 2025, "childcare_places_count"),
        ("4.5个", 4.5, "per_1000", "EXACT", "target", 2025, "childcare_places_per_1000"),
        ("3-5个", 3, "count", "RANGE", "target", 2025, "primary_care_specialty_department_count"),
        ("81岁", 81, "years", "APPROXIMATE", "target", 2027, "life_expectancy"),
    ];

    [Fact]
    public void A_text_no_rule_was_written_from_drafts_with_the_issues_floors()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "OpenHealthData.Tests", "Drafting", "synthetic-county-report.txt"));
        var seed = SeedReader.Read(RepoPaths.SeedData);
        var catalogue = new MetricCatalogue(seed.Metrics, seed.Observations.ToLookup(o => o.MetricCode, o => o.Quote));
        var draft = FigureExtractor.Draft(text, new DraftContext("synthetic", "330382", 2025, seed.Regions, catalogue));
        var source = new Source
        {
            Id = "synthetic", FileName = "synthetic-county-report.txt", Text = text, Title = "", TitleEn = "", Publisher = "", PublisherEn = "",
            IssuingBody = "", IssuingBodyEn = "", RegionCode = "330382", Date = "2025", PeriodStart = 2024, PeriodEnd = 2025,
        };
        var curated = Expected.Select((e, i) => new Observation
        {
            Id = $"synthetic-{i + 1:000}", SourceId = "synthetic", MetricCode = e.Metric, RegionCode = "330382", Year = e.Year, Kind = e.Kind,
            Qualifier = e.Qualifier, Value = e.Value, LowerBound = e.Qualifier == "RANGE" ? e.Value : null, YearBasis = "INFERRED", Unit = e.Unit,
            ValueAsWritten = e.Written, Quote = Quote(text, e.Written), QuoteEn = "",
        }).ToList();

        var score = DraftEvaluation.Score(source, draft.Candidates, curated, catalogue);
        output.WriteLine(DraftEvaluation.Table([score]));
        foreach (var miss in score.Misses) output.WriteLine(miss);

        Assert.Contains(draft.Skipped, s => s.Text == "12320" && s.Reason == "a telephone hotline");
        Assert.Contains(draft.Skipped, s => s.Text == "15" && s.Reason == "a document number");
        AtLeast(score, recall: 0.97, precision: 0.60, qualifier: 0.95, kind: 0.90, year: 0.90, region: 0.90, top3: 0.70); // issue 26's floors
    }

    /// <summary>Each measure of a score at or above its floor; a failure names the measure and its level.</summary>
    private static void AtLeast(ReportScore s, double recall, double precision, double qualifier, double kind, double year, double region, double top3)
    {
        Assert.True(s.Recall >= recall, $"recall {s.Recall:P1}");
        Assert.True(s.Precision >= precision, $"precision {s.Precision:P1}");
        Assert.True(s.Qualifier >= qualifier, $"qualifier {s.Qualifier:P1}");
        Assert.True(s.Kind >= kind, $"kind {s.Kind:P1}");
        Assert.True(s.Year >= year, $"year {s.Year:P1}");
        Assert.True(s.Region >= region, $"region {s.Region:P1}");
        Assert.True(s.Top3 >= top3, $"metric top-3 {s.Top3:P1}");
    }

    /// <summary>The clause of the first occurrence of a written number (the curator's quote).</summary>
    private static string Quote(string text, string written)
    {
        var at = System.Text.RegularExpressions.Regex.Match(text, @"(?<![\d.])" + System.Text.RegularExpressions.Regex.Escape(written)).Index;
        var start = text.LastIndexOfAny([',', '。', '，', ':', '\n'], at) + 1;
        return text[start..(at + written.Length)];
    }
}
