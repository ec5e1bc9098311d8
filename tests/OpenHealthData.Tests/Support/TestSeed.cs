using System.Text.Json;

namespace OpenHealthData.Tests.Support;

/// <summary>
/// A small seed-data folder for loader tests: the real sources and base regions, plus one metric and two
/// observations whose quotes come from the real Yueqing text. Tests change one thing and expect one error.
/// </summary>
public sealed class TestSeed : IDisposable
{
    private readonly TempFolder _folder = RepoPaths.NewTempFolder();
    public string Directory => Path.Combine(_folder.Path, "seed-data");
    public string DatabasePath => _folder.File("test.db");

    public const string MetricLine = """{"code":"physicians_per_1000","nameZh":"千人医师数","nameEn":"Physicians per 1,000 population","unit":"per_1000","category":"workforce","description":"Practising physicians per 1,000 residents."}""";
    public const string ObservationA = """{"id":"t-001","source":"yueqing-2023-work-summary","metric":"physicians_per_1000","region":"330382","year":2023,"kind":"actual","value":3.41,"unit":"per_1000","valueAsWritten":"3.41人","quote":"千人医师数3.41人","quoteEn":"3.41 physicians per 1,000 people"}""";
    public const string ObservationB = """{"id":"t-002","source":"yueqing-2023-work-summary","metric":"physicians_per_1000","region":"330382","year":2024,"kind":"target","value":3.63,"unit":"per_1000","valueAsWritten":"3.63人","quote":"千人医师数达到3.63人","quoteEn":"physicians per 1,000 people reach 3.63"}""";

    public TestSeed()
    {
        var sources = Path.Combine(Directory, "sources");
        System.IO.Directory.CreateDirectory(sources);
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(RepoPaths.SeedData, "sources")))
            File.Copy(file, Path.Combine(sources, Path.GetFileName(file)));
        Write("regions/regions.jsonl", File.ReadAllLines(Path.Combine(RepoPaths.SeedData, "regions", "regions.jsonl")));
        Write("metrics/metrics.jsonl", MetricLine);
        Write("observations/test.jsonl", ObservationA, ObservationB);
    }

    public void Write(string relativePath, params string[] lines)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
    }

    /// <summary>A JSON line with one field changed (null value: field removed).</summary>
    public static string With(string line, string field, object? value)
    {
        var obj = JsonSerializer.Deserialize<Dictionary<string, object?>>(line)!;
        if (value is null) obj.Remove(field); else obj[field] = value;
        return JsonSerializer.Serialize(obj, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public void Dispose() => _folder.Dispose();
}
