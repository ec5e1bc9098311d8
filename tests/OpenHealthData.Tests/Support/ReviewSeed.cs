using System.Text.Json;
using OpenHealthData.Api.Commands;

namespace OpenHealthData.Tests.Support;

/// <summary>
/// What a reviewer starts from: a copy of the real seed-data (the repository's is never touched) with a short new
/// report, its line in sources.jsonl and its draft, written by the product's `draft` command. Its four candidates:
/// 001 80.12岁 (life expectancy), 002 3.2‰ (infant mortality), 003 12个 (village clinics), 004 4.6张 (beds per 1,000).
/// </summary>
public sealed class ReviewSeed : IDisposable
{
    public const string Source = "review-county-2024";
    public const string Text = "示范县卫生健康局2024年工作总结\n2024年,全县人均预期寿命达到80.12岁,婴儿死亡率为3.2‰。新建村卫生室12个,全县千人床位数达到4.6张。开通12320卫生热线。\n";

    private readonly TempFolder _folder = RepoPaths.NewTempFolder();
    public string Directory => Path.Combine(_folder.Path, "seed-data");
    public string DatabasePath => _folder.File("reviewed.db");
    public string ObservationsFile => Path.Combine(Directory, "observations", Source + ".jsonl");
    public string DraftFile => Path.Combine(Directory, "drafts", Source + ".jsonl");

    public ReviewSeed()
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(RepoPaths.SeedData, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(Directory, Path.GetRelativePath(RepoPaths.SeedData, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        var text = Path.Combine(Directory, "sources", Source + ".txt");
        File.WriteAllText(text, Text);
        File.AppendAllLines(Path.Combine(Directory, "sources", "sources.jsonl"), [JsonSerializer.Serialize(new
        {
            id = Source, file = Source + ".txt", title = "示范县卫生健康局2024年工作总结", titleEn = "Model County Health Bureau: 2024 work summary",
            publisher = "示范县卫生健康局", publisherEn = "Model County Health Bureau", issuingBody = "示范县卫生健康局", issuingBodyEn = "Model County Health Bureau",
            region = "330382", date = "2025", periodStart = 2024, periodEnd = 2024,
        }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })]);
        var exit = CommandLine.RunAsync(["draft", text, "--source", Source, "--seed-data", Directory]).GetAwaiter().GetResult();
        if (exit != 0) throw new InvalidOperationException($"draft exited with {exit}");
    }

    /// <summary>The ids of the candidates still in the draft.</summary>
    public IReadOnlyList<string> Pending() =>
        [.. File.ReadAllLines(DraftFile).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!)];

    public void Dispose() => _folder.Dispose();
}
