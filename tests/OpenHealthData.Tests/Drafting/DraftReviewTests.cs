using System.Text.Json.Nodes;
using OpenHealthData.Data.Drafting;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Drafting;

/// <summary>Accepting and rejecting candidates: the draft file is the state, an accepted record lands in the seed only when it validates.</summary>
public sealed class DraftReviewTests : IDisposable
{
    private const string Wenxi = "wenxi-2024-seven-strengthenings";
    private readonly TempFolder _folder = RepoPaths.NewTempFolder();
    private readonly string _seed;

    public DraftReviewTests()
    {
        _seed = Path.Combine(_folder.Path, "seed-data");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.SeedData, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_seed, Path.GetRelativePath(RepoPaths.SeedData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        // The 2400万元 figure taken out of the seed, to be added back through review.
        var observations = Path.Combine(_seed, "observations", Wenxi + ".jsonl");
        File.WriteAllLines(observations, File.ReadAllLines(observations).Where(l => !l.Contains($"\"{Wenxi}-017\"", StringComparison.Ordinal)));
        var set = SeedReader.Read(_seed);
        var catalogue = new MetricCatalogue(set.Metrics, set.Observations.ToLookup(o => o.MetricCode, o => o.Quote));
        var source = set.Sources.Single(s => s.Id == Wenxi);
        var draft = FigureExtractor.Draft(source.Text, new DraftContext(Wenxi, source.RegionCode, 2024, set.Regions, catalogue));
        DraftFile.Write(DraftFile.PathFor(_seed, Wenxi), draft.Candidates);
    }

    public void Dispose() => _folder.Dispose();

    private string CandidateId(string written) =>
        (string)DraftReview.Pending(_seed, Wenxi).First(c => (string?)c["valueAsWritten"] == written)["id"]!;

    private static Dictionary<string, JsonNode?> Edits(bool withInstitution) => new()
    {
        ["metric"] = "childcare_facility_investment",
        ["quote"] = "投资2400万元,新建全县首个公办示范性综合托育机构",
        ["quoteEn"] = "Invested 24 million yuan to build the county's first public demonstration comprehensive childcare institution",
        ["institution"] = withInstitution ? "wenxi-public-demonstration-childcare-centre" : null,
    };

    [Fact]
    public void Accepting_writes_the_record_with_the_next_id_and_removes_the_candidate()
    {
        var candidate = CandidateId("2400万元");
        var pending = DraftReview.Pending(_seed, Wenxi).Count;
        var highest = SeedReader.Read(_seed).Observations.Where(o => o.SourceId == Wenxi).Max(o => int.Parse(o.Id[(Wenxi.Length + 1)..]));

        var outcome = DraftReview.Accept(_seed, Wenxi, candidate, Edits(withInstitution: true));

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Errors));
        Assert.Equal($"{Wenxi}-{highest + 1:000}", outcome.Id); // one above the highest id in use: ids are never reused
        var record = SeedReader.Read(_seed).Observations.Single(o => o.Id == outcome.Id);
        Assert.Equal((24_000_000.0, "CNY", "childcare_facility_investment", 2023, "actual"), (record.Value, record.Unit, record.MetricCode, record.Year, record.Kind));
        Assert.Equal(pending - 1, DraftReview.Pending(_seed, Wenxi).Count);
        Assert.DoesNotContain(DraftReview.Pending(_seed, Wenxi), c => (string?)c["id"] == candidate);
        var ids = File.ReadAllLines(Path.Combine(_seed, "observations", Wenxi + ".jsonl")).Select(l => (string)JsonNode.Parse(l)!["id"]!).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void A_record_the_validator_refuses_is_not_written_and_stays_a_candidate()
    {
        var candidate = CandidateId("2400万元");
        var file = Path.Combine(_seed, "observations", Wenxi + ".jsonl");
        var before = File.ReadAllText(file);

        var verdict = DraftReview.Verdict(_seed, Wenxi, candidate, Edits(withInstitution: false));
        var outcome = DraftReview.Accept(_seed, Wenxi, candidate, Edits(withInstitution: false));

        Assert.Contains(verdict, e => e.Field == "institution");
        Assert.False(outcome.Accepted);
        Assert.Contains(outcome.Errors, e => e.Field == "institution" && e.ToString().Contains("has scope institution", StringComparison.Ordinal));
        Assert.Equal(before, File.ReadAllText(file));
        Assert.Contains(DraftReview.Pending(_seed, Wenxi), c => (string?)c["id"] == candidate);
    }

    [Fact]
    public void An_edited_value_is_checked_against_its_text()
    {
        var candidate = CandidateId("2400万元");
        var edits = Edits(withInstitution: true);
        edits["value"] = 999999;

        var outcome = DraftReview.Accept(_seed, Wenxi, candidate, edits);

        Assert.Contains(outcome.Errors, e => e.Field == "value" && e.Message.StartsWith("999999 is not what valueAsWritten \"2400万元\" says 24000000 CNY", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejecting_drops_the_candidate_only()
    {
        var candidate = CandidateId("2400万元");
        var pending = DraftReview.Pending(_seed, Wenxi).Count;

        Assert.True(DraftReview.Reject(_seed, Wenxi, candidate));
        Assert.False(DraftReview.Reject(_seed, Wenxi, candidate));
        Assert.Equal(pending - 1, DraftReview.Pending(_seed, Wenxi).Count);
        Assert.Equal(SeedRecords.ObservationCount - 1, SeedReader.Read(_seed).Observations.Count);
    }
}
