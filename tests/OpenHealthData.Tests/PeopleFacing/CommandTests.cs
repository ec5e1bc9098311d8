using OpenHealthData.Api;
using OpenHealthData.Data;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.PeopleFacing;

/// <summary>The command line, run in-process as `dotnet run --project src/OpenHealthData.Api -- …` runs it.</summary>
[Collection(SerialCollection.Name)]
public sealed class CommandTests
{
    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try { return (await Program.Main(args), output.ToString(), error.ToString()); }
        finally { Console.SetOut(originalOut); Console.SetError(originalError); }
    }

    [Fact]
    public async Task Validate_reports_each_error_and_exits_1()
    {
        using var seed = new TestSeed();
        seed.Write("observations/test.jsonl", TestSeed.With(TestSeed.ObservationA, "year", 1999), TestSeed.With(TestSeed.ObservationB, "metric", "nope"));

        var (exit, _, error) = await Run("validate", "--seed-data", seed.Directory);

        Assert.Equal(1, exit);
        Assert.Contains("observations/test.jsonl:1 record 't-001' field 'year': 1999 is out of range 2000–2035", error);
        Assert.Contains("observations/test.jsonl:2 record 't-002' field 'metric': refers to unknown metric \"nope\"", error);
        Assert.Contains("2 error(s)", error);
    }

    [Fact]
    public async Task Validate_prints_the_counts_per_source_of_the_real_data()
    {
        var (exit, output, _) = await Run("validate", "--seed-data", RepoPaths.SeedData);

        Assert.Equal(0, exit);
        var set = Data.Seeding.SeedReader.Read(RepoPaths.SeedData);
        Assert.Equal(5, set.Sources.Count);
        foreach (var source in set.Sources)
            Assert.Contains($"  {source.Id}: {set.Observations.Count(o => o.SourceId == source.Id)} observations", output);
    }

    [Fact]
    public async Task Seed_builds_the_database_and_snapshots()
    {
        using var seed = new TestSeed();
        using var folder = RepoPaths.NewTempFolder();
        var database = folder.File("cli.db");

        var (exit, output, _) = await Run("seed", "--seed-data", seed.Directory, "--database", database);

        Assert.Equal(0, exit);
        Assert.Contains("is current", output);
        Assert.Equal(Data.Seeding.SeedHash.Compute(seed.Directory), HealthDatabase.ReadSeedHash(database));
        Assert.True(File.Exists(Path.Combine(folder.Path, "snapshots", HealthDatabase.ReadSeedHash(database)!, "observations.csv")));
    }

    [Fact]
    public async Task Export_schema_writes_what_is_committed()
    {
        using var folder = RepoPaths.NewTempFolder();
        var (exit, _, _) = await Run("export-schema", "--out", folder.Path);
        Assert.Equal(0, exit);
        foreach (var file in new[] { "schema.graphql", "openapi.json" })
            Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Schema, file)), File.ReadAllText(Path.Combine(folder.Path, file)));
    }

    [Fact]
    public async Task Help_lists_the_commands_and_unknown_options_fail()
    {
        var (exit, output, _) = await Run("--help");
        Assert.Equal(0, exit);
        foreach (var verb in new[] { "serve", "seed", "validate", "export-schema" }) Assert.Contains(verb, output);

        var (bad, _, error) = await Run("validate", "--no-such-option");
        Assert.NotEqual(0, bad);
        Assert.Contains("--no-such-option", error);
    }
}
