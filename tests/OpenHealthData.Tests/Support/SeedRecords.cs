using System.Text.Json;

namespace OpenHealthData.Tests.Support;

/// <summary>
/// The shipped observations read straight from seed-data/observations/*.jsonl, so that a test states how many figures
/// an answer must hold from the seed text itself rather than from a number that goes stale when a record is added.
/// </summary>
public static class SeedRecords
{
    private static readonly Lazy<IReadOnlyList<JsonElement>> All = new(() =>
    [
        .. Directory.GetFiles(Path.Combine(RepoPaths.SeedData, "observations"), "*.jsonl")
            .SelectMany(File.ReadLines)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone()),
    ]);

    private static readonly Lazy<IReadOnlyList<JsonElement>> AllRegions = new(() =>
    [
        .. Directory.GetFiles(Path.Combine(RepoPaths.SeedData, "regions"), "*.jsonl")
            .SelectMany(File.ReadLines)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone()),
    ]);

    /// <summary>Every shipped region record.</summary>
    public static IReadOnlyList<JsonElement> Regions => AllRegions.Value;

    /// <summary>How many shipped regions there are.</summary>
    public static int RegionCount => AllRegions.Value.Count;

    /// <summary>Every shipped observation record.</summary>
    public static IReadOnlyList<JsonElement> Observations => All.Value;

    /// <summary>How many shipped observations there are.</summary>
    public static int ObservationCount => All.Value.Count;
}
