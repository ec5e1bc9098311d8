using System.Text.Json;
using OpenHealthData.Api.Commands;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Drafting;

/// <summary>`draft &lt;text file&gt; --source &lt;id&gt;`: writes seed-data/drafts/&lt;source&gt;.jsonl, which the loader never reads.</summary>
public sealed class DraftCommandTests : IDisposable
{
    private readonly TempFolder _folder = RepoPaths.NewTempFolder();

    public void Dispose() => _folder.Dispose();

    private string CopySeed()
    {
        var seed = Path.Combine(_folder.Path, "seed-data");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.SeedData, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(seed, Path.GetRelativePath(RepoPaths.SeedData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return seed;
    }

    [Fact]
    public async Task Drafts_a_report_into_drafts_which_seed_does_not_load()
    {
        var seed = CopySeed();
        var before = SeedReader.Read(seed);
        var text = Path.Combine(seed, "sources", "wenxi-2024-seven-strengthenings.txt");

        var exit = await CommandLine.RunAsync(["draft", text, "--source", "wenxi-2024-seven-strengthenings", "--seed-data", seed]);

        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(Path.Combine(seed, "drafts", "wenxi-2024-seven-strengthenings.jsonl"));
        Assert.True(lines.Length >= 65, $"{lines.Length} candidates");
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            Assert.Equal("wenxi-2024-seven-strengthenings", r.GetProperty("source").GetString());
            Assert.Equal("140823", r.GetProperty("region").GetString());
            Assert.Contains(r.GetProperty("quote").GetString()!, File.ReadAllText(text));
            Assert.True(r.GetProperty("draft").GetProperty("why").GetArrayLength() > 0);
        }
        var after = SeedReader.Read(seed);
        Assert.Equal(before.Observations.Count, after.Observations.Count);
        Assert.Equal(before.Hash, after.Hash);
    }

    [Theory]
    [InlineData("--region", "999999", 1)]
    [InlineData("--published", "last year", 1)]
    public async Task Refuses_a_bad_option_with_exit_code_1(string option, string value, int expected)
    {
        var seed = CopySeed();
        var text = Path.Combine(seed, "sources", "wenxi-2024-seven-strengthenings.txt");
        Assert.Equal(expected, await CommandLine.RunAsync(["draft", text, "--source", "new-report", option, value, "--seed-data", seed]));
        Assert.False(File.Exists(Path.Combine(seed, "drafts", "new-report.jsonl")));
    }
}
