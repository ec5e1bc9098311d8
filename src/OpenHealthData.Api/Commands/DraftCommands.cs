using System.CommandLine;
using System.Globalization;
using OpenHealthData.Api.Storage;
using OpenHealthData.Data.Drafting;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Api.Commands;

/// <summary>`draft`: candidate records from a report's text into seed-data/drafts/; `evaluate-drafts`: the leave-one-report-out evaluation (bench/).</summary>
public static class DraftCommands
{
    public static Command Draft(Option<string?> seedData)
    {
        var file = new Argument<string>("text file") { Description = "The report's text, UTF-8 (e.g. seed-data/sources/<id>.txt)." };
        var source = new Option<string>("--source") { Description = "The source id the records will have, e.g. yueqing-2023-work-summary.", Required = true };
        var region = new Option<string?>("--region") { Description = "Region code of the report (default: the source's region in sources.jsonl)." };
        var published = new Option<string?>("--published") { Description = "Date of the report, YYYY, YYYY-MM or YYYY-MM-DD (default: the source's date)." };
        var command = new Command("draft", "Draft one candidate record per figure of a text into seed-data/drafts/<source>.jsonl, for review; `seed` never reads drafts.")
        {
            file, source, region, published, seedData,
        };
        command.SetAction(r => Run(r.GetValue(file)!, r.GetValue(source)!, r.GetValue(region), r.GetValue(published),
            new DataOptions { SeedDirectory = r.GetValue(seedData) }.ResolvedSeedDirectory));
        return command;
    }

    public static Command Evaluate(Option<string?> seedData)
    {
        var command = new Command("evaluate-drafts", "Draft each shipped report with the other reports' metrics only and print how the drafts compare with the curated records.") { seedData };
        command.SetAction(r =>
        {
            var scores = DraftEvaluation.Run(new DataOptions { SeedDirectory = r.GetValue(seedData) }.ResolvedSeedDirectory);
            Console.WriteLine(DraftEvaluation.Table(scores));
            foreach (var miss in scores[^1].Misses) Console.WriteLine(miss);
            return 0;
        });
        return command;
    }

    private static int Run(string textFile, string sourceId, string? region, string? published, string seedDirectory)
    {
        // `dotnet run --project …` starts in the project's folder: a relative path is also looked for beside seed-data/.
        if (!File.Exists(textFile) && !Path.IsPathRooted(textFile) && Path.Combine(Path.GetDirectoryName(Path.GetFullPath(seedDirectory))!, textFile) is var besideSeed && File.Exists(besideSeed))
            textFile = besideSeed;
        if (!File.Exists(textFile))
        {
            Console.Error.WriteLine($"{textFile}: no such file");
            return 1;
        }
        var set = SeedReader.Read(seedDirectory);
        var known = set.Sources.FirstOrDefault(s => s.Id == sourceId);
        region ??= known?.RegionCode;
        published ??= known?.Date;
        if (region is null || set.Regions.All(r => r.Code != region))
        {
            Console.Error.WriteLine(region is null
                ? $"--region is required: source '{sourceId}' is not in sources.jsonl"
                : $"--region \"{region}\" is not a region code of seed-data/regions/");
            return 1;
        }
        if (published is null || published.Length < 4 || !int.TryParse(published[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            Console.Error.WriteLine(published is null ? $"--published is required: source '{sourceId}' is not in sources.jsonl" : $"--published \"{published}\" does not start with a year");
            return 1;
        }

        var metrics = new MetricCatalogue(set.Metrics, set.Observations.ToLookup(o => o.MetricCode, o => o.Quote));
        var draft = FigureExtractor.Draft(File.ReadAllText(textFile), new DraftContext(sourceId, region, year, set.Regions, metrics));
        var path = DraftFile.PathFor(seedDirectory, sourceId);
        DraftFile.Write(path, draft.Candidates);
        Console.WriteLine($"Wrote {draft.Candidates.Count} candidate(s) to {path}; {draft.Skipped.Count} number(s) left out:");
        foreach (var group in draft.Skipped.GroupBy(s => s.Reason).OrderByDescending(g => g.Count()))
            Console.WriteLine($"  {group.Count(),4}  {group.Key}: {string.Join(" ", group.Take(5).Select(s => s.Text))}{(group.Count() > 5 ? " …" : "")}");
        return 0;
    }
}
