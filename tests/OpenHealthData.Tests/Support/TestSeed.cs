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
    public const string ObservationA = """{"id":"t-001","source":"yueqing-2023-work-summary","metric":"physicians_per_1000","region":"330382","year":2023,"kind":"actual","yearBasis":"STATED","qualifier":"EXACT","value":3.41,"unit":"per_1000","valueAsWritten":"3.41人","quote":"千人医师数3.41人","quoteEn":"3.41 physicians per 1,000 people"}""";
    public const string ObservationB = """{"id":"t-002","source":"yueqing-2023-work-summary","metric":"physicians_per_1000","region":"330382","year":2024,"kind":"target","yearBasis":"STATED","qualifier":"EXACT","value":3.63,"unit":"per_1000","valueAsWritten":"3.63人","quote":"千人医师数达到3.63人","quoteEn":"physicians per 1,000 people reach 3.63"}""";

    /// <summary>A metric with a dimension, for the v2 rules and for comparisons.</summary>
    public const string SigningMetricLine = """{"code":"family_doctor_signing_rate","nameZh":"家庭医生签约率","nameEn":"Family-doctor signing rate","unit":"percent","category":"primary_care","description":"Share of the population signed up with a family doctor.","dimensions":{"population":["all_residents","key_groups","agricultural_population"]},"keywords":["家庭医生签约","family doctor"]}""";
    public const string InstitutionMetricLine = """{"code":"hospital_key_specialties_count","nameZh":"医院重点专科数","nameEn":"Key specialties of a hospital","unit":"count","category":"hospital_services","description":"Key clinical specialties of one hospital.","scope":"institution"}""";
    public const string InstitutionLine = """{"id":"yueqing-peoples-hospital","nameZh":"乐清市人民医院","nameEn":"Yueqing People's Hospital","type":"hospital","region":"330382","source":"yueqing-2023-work-summary"}""";
    public const string SigningAliasLine = """{"alias":"family_doctor_signing_rate_key_groups","metric":"family_doctor_signing_rate","dimensions":{"population":"key_groups"},"note":"Merged into family_doctor_signing_rate."}""";

    /// <summary>Family-doctor signing in Yueqing and Wenxi (quotes from the real texts): key groups in two regions, so one comparable group.</summary>
    public static readonly string[] SigningObservations =
    [
        """{"id":"s-001","source":"yueqing-2023-work-summary","metric":"family_doctor_signing_rate","dimensions":{"population":"key_groups"},"region":"330382","year":2023,"yearBasis":"STATED","kind":"actual","qualifier":"EXACT","headline":true,"value":90.56,"unit":"percent","valueAsWritten":"90.56%","quote":"重点人群家庭医生签约覆盖率90.56%","quoteEn":"family-doctor signing coverage of key groups 90.56%"}""",
        """{"id":"s-002","source":"wenxi-2024-seven-strengthenings","metric":"family_doctor_signing_rate","dimensions":{"population":"key_groups"},"region":"140823","year":2023,"yearBasis":"INFERRED","kind":"actual","qualifier":"EXACT","headline":true,"value":98.23,"unit":"percent","valueAsWritten":"98.23%","quote":"重点人群签约率达98.23%","quoteEn":"the signing rate of key groups reached 98.23%","note":"Undated; filed under the report's review year 2023."}""",
        """{"id":"s-003","source":"yueqing-2023-work-summary","metric":"family_doctor_signing_rate","dimensions":{"population":"all_residents"},"region":"330382","year":2023,"yearBasis":"STATED","kind":"actual","qualifier":"EXACT","value":46.01,"unit":"percent","valueAsWritten":"46.01%","quote":"总人群签约率46.01%","quoteEn":"overall signing rate 46.01%"}""",
        """{"id":"s-004","source":"yueqing-2023-work-summary","metric":"family_doctor_signing_rate","dimensions":{"population":"key_groups"},"region":"330382","year":2024,"yearBasis":"STATED","kind":"target","qualifier":"AT_LEAST","value":85,"unit":"percent","valueAsWritten":"85%","quote":"重点人群家庭医生签约服务覆盖率达到85%以上","quoteEn":"signing coverage of key groups to reach 85% or more"}""",
    ];

    /// <summary>Adds the family-doctor signing metric, its alias, an institution and its institution-scope metric.</summary>
    public TestSeed WithSigning(bool observations = true)
    {
        Write("metrics/metrics.jsonl", MetricLine, SigningMetricLine, InstitutionMetricLine);
        Write("institutions/test.jsonl", InstitutionLine);
        Write("metric-aliases/test.jsonl", SigningAliasLine);
        if (observations) Write("observations/test.jsonl", [ObservationA, ObservationB, .. SigningObservations]);
        return this;
    }

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
