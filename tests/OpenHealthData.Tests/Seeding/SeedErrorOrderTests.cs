using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Seeding;

/// <summary>
/// The reader checks the figures on every core, a range each, and joins the ranges' errors after: the errors must come
/// out as one pass would give them, in file order and line order, every broken figure named, and the same list on every
/// read. Generated cases break random figures of the real seed (several in one range, across files and ranges) in the
/// ways people do: an unknown metric, a year out of range, a kind that is not one.
/// </summary>
public sealed class SeedErrorOrderTests : IDisposable
{
    private readonly TempFolder _folder = RepoPaths.NewTempFolder();
    private string Seed => Path.Combine(_folder.Path, "seed-data");
    private static readonly string[] ObservationFiles = [.. SeedReader.DataFiles(RepoPaths.SeedData, "observations").Select(Path.GetFileName).OfType<string>()];

    public SeedErrorOrderTests() => RepoPaths.CopySeedData(Seed);

    public void Dispose() => _folder.Dispose();

    private static readonly (string Field, JsonNode Value)[] Breaks =
        [("metric", JsonValue.Create("no_such_metric")), ("year", JsonValue.Create(1066)), ("kind", JsonValue.Create("guess"))];

    [Fact]
    public void Errors_come_in_file_and_line_order_for_any_broken_figures()
    {
        var lines = ObservationFiles.ToDictionary(f => f, f => File.ReadAllLines(Path.Combine(RepoPaths.SeedData, "observations", f)));
        var figures = lines.SelectMany(p => p.Value.Select((line, i) => (File: p.Key, Line: i + 1, Text: line))).Where(x => x.Text.Trim().Length > 0).ToArray();
        var broken = Gen.ListOf(Gen.Zip(Gen.Choose(0, figures.Length - 1), Gen.Choose(0, Breaks.Length - 1)))
            .Select(picks => picks.DistinctBy(p => p.Item1).ToArray()).Where(picks => picks.Length > 0);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40).WithQuietOnSuccess(true), Prop.ForAll(Arb.From(broken), picks =>
        {
            var edited = lines.ToDictionary(p => p.Key, p => p.Value.ToArray());
            foreach (var (figure, how) in picks)
            {
                var (file, line, text) = figures[figure];
                var record = JsonNode.Parse(text)!.AsObject();
                record[Breaks[how].Field] = Breaks[how].Value.DeepClone();
                edited[file][line - 1] = record.ToJsonString();
            }
            foreach (var (file, content) in edited) File.WriteAllLines(Path.Combine(Seed, "observations", file), content);

            var (set, errors) = SeedReader.TryRead(Seed);
            Assert.Null(set);
            // The errors of the breaks, all found by the per-figure checks that run in ranges: one per broken figure, in
            // file order and line order, as one pass gives them. (Checks across figures, such as headlines, come after
            // that pass and may name a broken figure again.)
            var fileOrder = ObservationFiles.Select((f, i) => (f, i)).ToDictionary(p => "observations/" + p.f, p => p.i);
            var ofBreaks = errors.Where(e => Breaks.Any(b => e.Field == b.Field && e.Message.Contains(b.Value.ToJsonString().Trim('"'), StringComparison.Ordinal))).ToList();
            Assert.Equal(ofBreaks.OrderBy(e => fileOrder[e.File]).ThenBy(e => e.Line).ToList(), ofBreaks);
            Assert.Equal(picks.Select(p => (File: "observations/" + figures[p.Item1].File, figures[p.Item1].Line, Breaks[p.Item2].Field)).OrderBy(p => fileOrder[p.File]).ThenBy(p => p.Line),
                ofBreaks.Select(e => (e.File, e.Line, e.Field!)));
            Assert.Equal(errors, SeedReader.TryRead(Seed).Errors);
        }));
    }
}
