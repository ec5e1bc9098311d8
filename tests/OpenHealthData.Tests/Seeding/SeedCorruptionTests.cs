using System.Diagnostics;
using System.Text;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Seeding;

/// <summary>
/// Corrupted seed data as a careless edit or a broken copy leaves it: each is refused with the file and line in one
/// plain sentence (no decoder exception), by the reader, by `validate` and by the server's start (exit code 1, no stack trace).
/// </summary>
public sealed class SeedCorruptionTests : IDisposable
{
    private readonly TempFolder _folder = RepoPaths.NewTempFolder();
    private string Seed => Path.Combine(_folder.Path, "seed-data");
    private string ObservationFile => Directory.GetFiles(Path.Combine(Seed, "observations"), "*.jsonl").Order(StringComparer.Ordinal).First();
    private string ObservationName => "observations/" + Path.GetFileName(ObservationFile);

    public SeedCorruptionTests() => RepoPaths.CopySeedData(Seed);

    public void Dispose() => _folder.Dispose();

    /// <summary>Rewrites line <paramref name="number"/> (from 1) of a file's bytes.</summary>
    private static void EditLine(string path, int number, Func<byte[], byte[]> edit)
    {
        var lines = Split(File.ReadAllBytes(path));
        lines[number - 1] = edit(lines[number - 1]);
        File.WriteAllBytes(path, [.. lines.SelectMany((l, i) => i == 0 ? l : [(byte)'\n', .. l])]);
    }

    private static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (int end; (end = Array.IndexOf(bytes, (byte)'\n', start)) >= 0; start = end + 1) lines.Add(bytes[start..end]);
        lines.Add(bytes[start..]);
        return lines;
    }

    private string OnlyError()
    {
        var (set, errors) = SeedReader.TryRead(Seed);
        Assert.Null(set);
        Assert.Single(errors);
        var line = errors[0].ToString();
        Assert.DoesNotContain("Exception", line);
        Assert.DoesNotContain("\n", line);
        return line;
    }

    [Fact]
    public void A_key_written_twice_is_refused()
    {
        EditLine(ObservationFile, 3, l => [.. l[..^1], .. Encoding.UTF8.GetBytes(", \"quoteEn\": \"a second rendering\"}")]);
        Assert.Matches($@"^{ObservationName}:3 record '[^']+' field 'quoteEn': is written twice", OnlyError());
    }

    [Fact]
    public void The_issues_duplicated_value_is_refused_twice_over()
    {
        // issue 22's reproduction: the last "value" would win and disagree with the quote; both rules say so
        EditLine(ObservationFile, 3, l => [.. l[..^1], .. Encoding.UTF8.GetBytes(", \"value\": 999999}")]);
        var (set, errors) = SeedReader.TryRead(Seed);
        Assert.Null(set);
        Assert.Contains(errors, e => e.ToString().Contains("field 'value': is written twice", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.ToString().Contains("field 'value': 999999 is not what valueAsWritten", StringComparison.Ordinal));
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_inside_a_string_are_named_with_line_and_offset()
    {
        var marker = "\"quote\":\""u8.ToArray();
        var before = 0;
        EditLine(ObservationFile, 5, l =>
        {
            var at = l.AsSpan().IndexOf(marker) + marker.Length;
            if (at < marker.Length) at = l.AsSpan().IndexOf("\"quote\": \""u8) + marker.Length + 1;
            before = Split(File.ReadAllBytes(ObservationFile)).Take(4).Sum(x => x.Length + 1) + at;
            return [.. l[..at], 0xFF, 0xFE, .. l[at..]];
        });
        Assert.Equal($"{ObservationName}:5: is not valid UTF-8: byte 0xFF at byte {before} of the file (byte {before - Split(File.ReadAllBytes(ObservationFile)).Take(4).Sum(x => x.Length + 1) + 1} of the line); save the file as UTF-8", OnlyError());
    }

    [Fact]
    public void A_file_cut_in_the_middle_of_a_character_is_named_as_cut()
    {
        var bytes = File.ReadAllBytes(ObservationFile);
        var cut = Array.FindLastIndex(bytes, b => b >= 0xE0) + 1; // just after the lead byte of the last Chinese character
        File.WriteAllBytes(ObservationFile, bytes[..cut]);
        var error = OnlyError();
        Assert.StartsWith($"{ObservationName}:{Split(bytes[..cut]).Count}: is not valid UTF-8", error);
        Assert.Contains("cut short", error);
    }

    [Fact]
    public void A_file_cut_in_the_middle_of_a_record_is_named_as_cut()
    {
        var bytes = File.ReadAllBytes(ObservationFile);
        var lines = Split(bytes);
        var keep = lines.Take(6).Sum(l => l.Length + 1) + 40; // six lines and 40 ASCII bytes of the seventh
        File.WriteAllBytes(ObservationFile, bytes[..keep]);
        var (set, errors) = SeedReader.TryRead(Seed);
        Assert.Null(set);
        Assert.Contains(errors, e => e.ToString().StartsWith($"{ObservationName}:7: is not valid JSON (the file ends inside this record: is it cut short?)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_source_text_is_refused()
    {
        var text = Directory.GetFiles(Path.Combine(Seed, "sources"), "*.txt").Order(StringComparer.Ordinal).First();
        File.WriteAllText(text, "");
        var (set, errors) = SeedReader.TryRead(Seed);
        Assert.Null(set);
        Assert.Contains(errors, e => e.File == "sources/sources.jsonl" && e.Line > 0 && e.Field == "file" && e.Message.Contains($"sources/{Path.GetFileName(text)} is empty"));
    }

    [Fact]
    public void An_empty_data_file_is_refused()
    {
        File.WriteAllText(ObservationFile, "");
        Assert.Contains(SeedReader.TryRead(Seed).Errors, e => e.ToString() == $"{ObservationName}:0: is empty: a data file holds one record per line");
    }

    [SkippableFact]
    public async Task Validate_and_the_server_refuse_with_exit_code_1_and_no_stack_trace()
    {
        var bin = Path.GetDirectoryName(typeof(OpenHealthData.Api.Program).Assembly.Location)!;
        var apiBin = Path.Combine(RepoPaths.Root, "src", "OpenHealthData.Api", "bin", new DirectoryInfo(bin).Parent!.Name, "net10.0");
        Skip.IfNot(File.Exists(Path.Combine(apiBin, "OpenHealthData.Api.runtimeconfig.json")), $"the API's build output is not at {apiBin}");
        EditLine(ObservationFile, 5, l => [.. l[..20], 0xFF, 0xFE, .. l[20..]]);

        foreach (var args in new[]
        {
            new[] { "validate", "--seed-data", Seed },
            ["--urls", "http://127.0.0.1:0", "--Data:SeedDirectory", Seed, "--Data:DatabasePath", Path.Combine(_folder.Path, "ohd.db")],
            ["--urls", "http://127.0.0.1:0", "--Data:SeedDirectory", RepoPaths.SeedData, "--Data:DatabasePath", Path.Combine(ObservationFile, "ohd.db")],
        })
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add(Path.Combine(apiBin, "OpenHealthData.Api.dll"));
            foreach (var a in args) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token);
            var output = await stdout + await stderr;
            Assert.True(process.ExitCode == 1, $"{args[0]}: exit {process.ExitCode}: {output}");
            Assert.DoesNotContain("   at ", output);
            Assert.DoesNotContain("Exception", output);
            if (args[0] == "validate") Assert.Contains($"{ObservationName}:5: is not valid UTF-8", await stderr);
            else Assert.Contains("openhealthdata: cannot start: ", await stderr);
        }
    }
}
