using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Seeding;

/// <summary>
/// Issue 22, item 5: the validator reads valueAsWritten with the one normaliser and refuses a record whose value,
/// bounds or unit it does not say, or whose valueAsWritten is not in its quote: file, line, record and field in one sentence.
/// </summary>
public sealed class ValueAgainstTextTests : IDisposable
{
    private readonly TestSeed _seed = new TestSeed().WithSigning();

    public void Dispose() => _seed.Dispose();

    private static string S(params (string Field, object? Value)[] changes) =>
        changes.Aggregate(TestSeed.SigningObservations[0], (l, c) => TestSeed.With(l, c.Field, c.Value));

    private static string Range(params (string Field, object? Value)[] changes) => changes.Aggregate(
        TestSeed.With(TestSeed.With(TestSeed.With(TestSeed.With(TestSeed.With(TestSeed.With(TestSeed.With(TestSeed.With(TestSeed.With(
            TestSeed.ObservationA, "metric", "hospital_key_specialties_count"), "unit", "count"), "institution", "yueqing-peoples-hospital"),
            "qualifier", "RANGE"), "value", 2), "lowerBound", 2), "upperBound", 3), "valueAsWritten", "2-3家"), "quote", "创成2-3家省级示范"),
        (l, c) => TestSeed.With(l, c.Field, c.Value));

    public static TheoryData<string, string, string> Refused => new()
    {
        { "value is not what is written", S(("value", 95.06)),
            "observations/test.jsonl:1 record 's-001' field 'value': 95.06 is not what valueAsWritten \"90.56%\" says 90.56 percent" },
        { "万 not expanded", TestSeed.With(TestSeed.With(TestSeed.With(Range(), "qualifier", "EXACT"), "valueAsWritten", "2.02万元"), "quote", "2.02万元"),
            "observations/test.jsonl:1 record 't-001' field 'unit': \"count\" is not a unit \"2.02万元\" can be in (CNY)" },
        { "valueAsWritten without a number", S(("valueAsWritten", "签约覆盖率")),
            "observations/test.jsonl:1 record 's-001' field 'valueAsWritten': \"签约覆盖率\" does not start with a number" },
        { "valueAsWritten not in the quote", S(("valueAsWritten", "90.65%"), ("value", 90.65)),
            "observations/test.jsonl:1 record 's-001' field 'valueAsWritten': \"90.65%\" does not occur in the quote" },
        { "a range's upper bound", Range(("upperBound", 4)),
            "observations/test.jsonl:1 record 't-001' field 'upperBound': 4 is not what valueAsWritten \"2-3家\" says 2 to 3 count" },
        { "a range written as one number", Range(("valueAsWritten", "2家"), ("quote", "2家")),
            "observations/test.jsonl:1 record 't-001' field 'qualifier': is RANGE but valueAsWritten \"2家\" is one number, not a range" },
        { "a density in the wrong scale", TestSeed.With(TestSeed.ObservationA, "value", 34.1),
            "observations/test.jsonl:1 record 't-001' field 'value': 34.1 is not what valueAsWritten \"3.41人\" says 3.41 per_1000" },
        { "a positive change recorded negative", S(("value", -90.56), ("kind", "change")),
            "observations/test.jsonl:1 record 's-001' field 'value': -90.56 is not what valueAsWritten \"90.56%\" says 90.56 percent" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_a_value_its_text_does_not_say(string what, string line, string expected)
    {
        _seed.Write("observations/test.jsonl", line);

        var (_, errors) = SeedReader.TryRead(_seed.Directory);

        Assert.True(errors.Any(e => e.ToString().StartsWith(expected, StringComparison.Ordinal)),
            $"{what}: expected an error starting with\n  {expected}\nbut got\n  {string.Join("\n  ", errors)}");
    }

    [Fact]
    public void Refuses_wenxi_017_with_a_second_value_of_999999()
    {
        using var folder = RepoPaths.NewTempFolder();
        var seed = Path.Combine(folder.Path, "seed-data");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.SeedData, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(seed, Path.GetRelativePath(RepoPaths.SeedData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        var path = Path.Combine(seed, "observations", "wenxi-2024-seven-strengthenings.jsonl");
        var lines = File.ReadAllLines(path);
        var at = Array.FindIndex(lines, l => l.Contains("\"wenxi-2024-seven-strengthenings-017\"", StringComparison.Ordinal));
        lines[at] = lines[at].TrimEnd()[..^1] + ", \"value\": 999999}"; // a duplicated key: the last one wins when read
        File.WriteAllLines(path, lines);

        var (_, errors) = SeedReader.TryRead(seed);

        Assert.Contains($"observations/wenxi-2024-seven-strengthenings.jsonl:{at + 1} record 'wenxi-2024-seven-strengthenings-017' field 'value': " +
                        "999999 is not what valueAsWritten \"2400万元\" says 24000000 CNY", errors.Select(e => e.ToString()));
    }

    public static TheoryData<string, string> Accepted => new()
    {
        { "signing rate (签约 is not 约)", TestSeed.SigningObservations[0] },
        { "a count per 1,000 written in 人", TestSeed.ObservationA },
        { "per 100,000 filed per 1,000", TestSeed.With(TestSeed.With(TestSeed.With(TestSeed.With(TestSeed.With(TestSeed.With(TestSeed.ObservationA,
            "source", "wenxi-2024-seven-strengthenings"), "region", "140823"), "kind", "target"), "qualifier", "AT_MOST"), "value", 0.128),
            "valueAsWritten", "12.8/10万") is var l ? TestSeed.With(l, "quote", "婴幼儿死亡率分别控制在12.8/10万") : "" },
        { "a range", Range() },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepts_a_value_its_text_says(string what, string line)
    {
        _seed.Write("observations/test.jsonl", line);
        var (_, errors) = SeedReader.TryRead(_seed.Directory);
        Assert.True(errors.Count == 0, $"{what}: {string.Join("\n", errors)}");
    }
}
