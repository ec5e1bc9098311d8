using Microsoft.EntityFrameworkCore;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Seeding;

/// <summary>Seed format v2 (qualifiers, year basis, dimensions, scope, base metrics, aliases): one failing fixture per rule.</summary>
public sealed class SeedFormatV2Tests : IDisposable
{
    private readonly TestSeed _seed = new TestSeed().WithSigning();

    public void Dispose() => _seed.Dispose();

    private static string A(params (string Field, object? Value)[] changes) => Change(TestSeed.ObservationA, changes);
    private static string S(params (string Field, object? Value)[] changes) => Change(TestSeed.SigningObservations[0], changes);

    private static string Change(string line, (string Field, object? Value)[] changes) =>
        changes.Aggregate(line, (l, c) => TestSeed.With(l, c.Field, c.Value));

    /// <summary>A Wenxi sentence with a limit: 控制在 before the number (12.8 per 100,000 is 0.128 per 1,000, the test metric's unit).</summary>
    private static string Limit(string kind, string qualifier) => A(("source", "wenxi-2024-seven-strengthenings"), ("region", "140823"),
        ("kind", kind), ("qualifier", qualifier), ("value", 0.128), ("valueAsWritten", "12.8/10万"), ("quote", "孕产妇死亡率、婴幼儿死亡率分别控制在12.8/10万"));

    /// <summary>A range of one hospital's count, from the real Yueqing text.</summary>
    private static string Range(string id, int year) => A(("id", id), ("year", year), ("metric", "hospital_key_specialties_count"), ("unit", "count"),
        ("institution", "yueqing-peoples-hospital"), ("qualifier", "RANGE"), ("value", 2), ("lowerBound", 2), ("upperBound", 3),
        ("valueAsWritten", "2-3家"), ("quote", "创成2-3家省级示范"));

    private const string Rank = """{"code":"hospital_rank","nameZh":"排名","nameEn":"Rank","unit":"rank","category":"hospital_services","description":"A position in a ranking."}""";

    public static TheoryData<string, string, string[], string> InvalidRecords => new()
    {
        // rule, the file written (observations/test.jsonl, metrics/extra.jsonl or metric-aliases/test.jsonl), its lines, the message expected
        { "1 qualifier unknown", "observations/test.jsonl", [A(("qualifier", "ABOUT"))],
            "observations/test.jsonl:1 record 't-001' field 'qualifier': \"ABOUT\" is not one of: EXACT, APPROXIMATE, AT_LEAST, AT_MOST, RANGE, RANK" },
        { "1 qualifier missing", "observations/test.jsonl", [A(("qualifier", null))],
            "observations/test.jsonl:1 record 't-001' field 'qualifier': is required" },
        { "1 range without bounds", "observations/test.jsonl", [A(("qualifier", "RANGE"))],
            "observations/test.jsonl:1 record 't-001' field 'lowerBound': is required for qualifier RANGE" },
        { "1 range without upper bound", "observations/test.jsonl", [A(("qualifier", "RANGE"), ("lowerBound", 3.41))],
            "observations/test.jsonl:1 record 't-001' field 'upperBound': is required for qualifier RANGE" },
        { "1 range bounds reversed", "observations/test.jsonl", [A(("qualifier", "RANGE"), ("lowerBound", 3.41), ("upperBound", 3.0))],
            "observations/test.jsonl:1 record 't-001' field 'lowerBound': 3.41 is above upperBound 3" },
        { "1 range value is not the lower bound", "observations/test.jsonl", [A(("qualifier", "RANGE"), ("lowerBound", 3.0), ("upperBound", 3.5))],
            "observations/test.jsonl:1 record 't-001' field 'value': 3.41 must equal lowerBound 3 for qualifier RANGE" },
        { "1 bounds without range", "observations/test.jsonl", [A(("upperBound", 4))],
            "observations/test.jsonl:1 record 't-001' field 'upperBound': is only allowed with qualifier RANGE, not EXACT" },
        { "1 bound not a number", "observations/test.jsonl", [A(("qualifier", "RANGE"), ("lowerBound", "3"), ("upperBound", 4))],
            "observations/test.jsonl:1 record 't-001' field 'lowerBound': must be a number, found \"3\"" },
        { "2 marker in valueAsWritten", "observations/test.jsonl", [A(("source", "shanxi-2023-theme-education"), ("region", "140000"), ("valueAsWritten", "60余次"), ("quote", "先后开展主题党日60余次"))],
            "observations/test.jsonl:1 record 't-001' field 'qualifier': is EXACT but valueAsWritten \"60余次\" has \"余\"" },
        { "2 marker before the number", "observations/test.jsonl", [Limit("target", "EXACT")],
            "observations/test.jsonl:1 record 't-001' field 'qualifier': is EXACT but the quote has \"控制在\" before \"12.8/10万\"" },
        { "2 marker after the number", "observations/test.jsonl", [A(("valueAsWritten", "95%"), ("quote", "接种率均达95%以上"))],
            "observations/test.jsonl:1 record 't-001' field 'qualifier': is EXACT but the quote has \"以上\" after \"95%\"" },
        { "3 a limit filed as actual", "observations/test.jsonl", [Limit("actual", "AT_MOST")],
            "observations/test.jsonl:1 record 't-001' field 'kind': is actual but the quote says \"控制在\" (a goal or a limit)" },
        { "3 a goal filed as actual", "observations/test.jsonl", [A(("valueAsWritten", "1个"), ("quote", "力争新增省临床重点专科和省县级龙头学科各1个"))],
            "observations/test.jsonl:1 record 't-001' field 'kind': is actual but the quote says \"力争\"" },
        { "4 yearBasis missing", "observations/test.jsonl", [A(("yearBasis", null))],
            "observations/test.jsonl:1 record 't-001' field 'yearBasis': is required" },
        { "4 yearBasis unknown", "observations/test.jsonl", [A(("yearBasis", "GUESSED"))],
            "observations/test.jsonl:1 record 't-001' field 'yearBasis': \"GUESSED\" is not one of: STATED, INFERRED" },
        { "4 inferred year without its rule", "observations/test.jsonl", [A(("yearBasis", "INFERRED"))],
            "observations/test.jsonl:1 record 't-001' field 'note': is required when yearBasis is INFERRED" },
        { "5 rank unit with EXACT", "metrics/extra.jsonl", [Rank],
            "observations/test.jsonl:2 record 'r-001' field 'qualifier': EXACT does not go with unit rank" },
        { "5 RANK without unit rank", "observations/test.jsonl", [A(("qualifier", "RANK"))],
            "observations/test.jsonl:1 record 't-001' field 'unit': \"per_1000\" does not go with qualifier RANK" },
        { "6 dimension the metric does not declare", "observations/test.jsonl", [A(("dimensions", new Dictionary<string, string> { ["population"] = "key_groups" }))],
            "observations/test.jsonl:1 record 't-001' field 'dimensions': \"population\" is not a dimension of metric 'physicians_per_1000', which declares none" },
        { "6 dimension value not allowed", "observations/test.jsonl", [S(("dimensions", new Dictionary<string, string> { ["population"] = "children" }))],
            "observations/test.jsonl:1 record 's-001' field 'dimensions': \"children\" is not an allowed value of dimension \"population\" of metric 'family_doctor_signing_rate': all_residents, key_groups, agricultural_population" },
        { "6 dimensions not an object", "observations/test.jsonl", [S(("dimensions", "key_groups"))],
            "observations/test.jsonl:1 record 's-001' field 'dimensions': must be an object of name -> text, found \"key_groups\"" },
        { "6 metric dimension not snake_case", "metrics/extra.jsonl", [TestSeed.With(Rank, "dimensions", new Dictionary<string, string[]> { ["Level"] = ["national"] })],
            "metrics/extra.jsonl:1 record 'hospital_rank' field 'dimensions': \"Level\" is not a snake_case name" },
        { "7 institution-scope figure without its institution", "observations/test.jsonl", [A(("metric", "hospital_key_specialties_count"), ("unit", "count"))],
            "observations/test.jsonl:1 record 't-001' field 'institution': is required: metric 'hospital_key_specialties_count' has scope institution" },
        { "7 scope unknown", "metrics/extra.jsonl", [TestSeed.With(Rank, "scope", "hospital")],
            "metrics/extra.jsonl:1 record 'hospital_rank' field 'scope': \"hospital\" is not one of: region, institution" },
        { "8 change metric without baseMetric", "metrics/extra.jsonl", [TestSeed.With(Rank, "code", "physicians_per_1000_change")],
            "metrics/extra.jsonl:1 record 'physicians_per_1000_change' field 'baseMetric': is required for a …_growth or …_change metric" },
        { "8 baseMetric unknown", "metrics/extra.jsonl", [TestSeed.With(Rank, "baseMetric", "no_such_metric")],
            "metrics/extra.jsonl:1 record 'hospital_rank' field 'baseMetric': refers to unknown metric \"no_such_metric\"" },
        { "9 alias is a metric code", "metric-aliases/test.jsonl", [TestSeed.With(TestSeed.SigningAliasLine, "alias", "physicians_per_1000")],
            "metric-aliases/test.jsonl:1 record 'physicians_per_1000' field 'alias': \"physicians_per_1000\" is a metric code" },
        { "9 alias target unknown", "metric-aliases/test.jsonl", [TestSeed.With(TestSeed.SigningAliasLine, "metric", "no_such_metric")],
            "metric-aliases/test.jsonl:1 record 'family_doctor_signing_rate_key_groups' field 'metric': refers to unknown metric \"no_such_metric\"" },
        { "9 alias dimensions invalid", "metric-aliases/test.jsonl", [TestSeed.With(TestSeed.SigningAliasLine, "dimensions", new Dictionary<string, string> { ["level"] = "national" })],
            "metric-aliases/test.jsonl:1 record 'family_doctor_signing_rate_key_groups' field 'dimensions': \"level\" is not a dimension of metric 'family_doctor_signing_rate'; it declares: population" },
        { "9 alias twice", "metric-aliases/test.jsonl", [TestSeed.SigningAliasLine, TestSeed.SigningAliasLine],
            "metric-aliases/test.jsonl:2 record 'family_doctor_signing_rate_key_groups': duplicate metric alias \"family_doctor_signing_rate_key_groups\" (first at metric-aliases/test.jsonl:1)" },
        { "10 same natural key with the same dimensions", "observations/test.jsonl", [TestSeed.SigningObservations[0], S(("id", "s-009"))],
            "observations/test.jsonl:2 record 's-009': has the same (source, metric, dimensions, region, year, kind, institution, programme) as observations/test.jsonl:1" },
        { "reviewedExceptions with an unknown rule", "observations/test.jsonl", [A(("reviewedExceptions", new Dictionary<string, string> { ["unit"] = "looks odd" }))],
            "observations/test.jsonl:1 record 't-001' field 'reviewedExceptions': \"unit\" is not a rule that can be waived; use one of: qualifier, kind" },
        { "headline not a boolean", "observations/test.jsonl", [A(("headline", "yes"))],
            "observations/test.jsonl:1 record 't-001' field 'headline': must be true or false, found \"yes\"" },
    };

    [Theory]
    [MemberData(nameof(InvalidRecords))]
    public async Task Rejects_each_rule_naming_file_line_record_and_field(string rule, string file, string[] lines, string expected)
    {
        _seed.Write(file, lines);
        if (file == "metrics/extra.jsonl")
            _seed.Write("observations/test.jsonl", TestSeed.ObservationA, Change(TestSeed.ObservationA, [("id", "r-001"), ("metric", "hospital_rank"), ("unit", "rank"), ("year", 2022)]));

        var error = await Assert.ThrowsAsync<SeedValidationException>(() => new DatabaseBuilder().BuildAsync(_seed.Directory, _seed.DatabasePath));

        Assert.True(error.Errors.Any(e => e.ToString().StartsWith(expected, StringComparison.Ordinal)),
            $"{rule}: expected an error starting with\n  {expected}\nbut got\n  {string.Join("\n  ", error.Errors)}");
    }

    public static TheoryData<string, string> AcceptedRecords => new()
    {
        { "a reviewed qualifier exception", S(("value", 95), ("valueAsWritten", "95%"), ("quote", "接种率均达95%以上"), ("reviewedExceptions", new Dictionary<string, string> { ["qualifier"] = "以上 qualifies 接种率 here (test)" })) },
        { "a reviewed kind exception", Change(Limit("actual", "AT_MOST"), [("reviewedExceptions", new Dictionary<string, string> { ["kind"] = "achieved (test)" })]) },
        { "AT_MOST next to 控制在", Limit("target", "AT_MOST") },
        { "签约 is not 约 (about)", TestSeed.SigningObservations[0] },
        { "a range", Range("t-001", 2023) },
        { "an inferred year with its rule", A(("yearBasis", "INFERRED"), ("note", "Undated; filed under the report's year (test).")) },
    };

    [Theory]
    [MemberData(nameof(AcceptedRecords))]
    public void Accepts_records_that_follow_the_rules(string what, string line)
    {
        _seed.Write("observations/test.jsonl", line);
        var (_, errors) = SeedReader.TryRead(_seed.Directory);
        Assert.True(errors.Count == 0, $"{what}: {string.Join("\n", errors)}");
    }

    [Fact]
    public async Task The_database_holds_the_new_fields_with_dimensions_as_canonical_json()
    {
        _seed.Write("observations/test.jsonl", [TestSeed.ObservationA, .. TestSeed.SigningObservations,
            Range("t-003", 2022)]);
        await new DatabaseBuilder().BuildAsync(_seed.Directory, _seed.DatabasePath);

        await using var db = HealthDatabase.OpenReadOnly(_seed.DatabasePath);
        var s1 = await db.Observations.SingleAsync(o => o.Id == "s-001");
        Assert.Equal("""{"population":"key_groups"}""", s1.Dimensions);
        Assert.True(s1.Headline);
        Assert.Equal(("EXACT", "STATED"), (s1.Qualifier, s1.YearBasis));
        Assert.Equal(Dimensions.None, (await db.Observations.SingleAsync(o => o.Id == "t-001")).Dimensions);
        var range = await db.Observations.SingleAsync(o => o.Id == "t-003");
        Assert.Equal(("RANGE", 2.0, 3.0), (range.Qualifier, range.LowerBound!.Value, range.UpperBound!.Value));
        var metric = await db.Metrics.SingleAsync(m => m.Code == "family_doctor_signing_rate");
        Assert.Equal("""{"population":["all_residents","key_groups","agricultural_population"]}""", metric.Dimensions);
        Assert.Equal("""["家庭医生签约","family doctor"]""", metric.Keywords);
        Assert.Equal(MetricScopes.Institution, (await db.Metrics.SingleAsync(m => m.Code == "hospital_key_specialties_count")).Scope);
        var alias = await db.MetricAliases.SingleAsync();
        Assert.Equal(("family_doctor_signing_rate_key_groups", "family_doctor_signing_rate", """{"population":"key_groups"}"""), (alias.Alias, alias.MetricCode, alias.Dimensions));
    }

    [Fact]
    public void Canonical_dimensions_do_not_depend_on_the_order_written()
    {
        Assert.Equal(Dimensions.Canonical([new("population", "key_groups"), new("level", "national")]),
            Dimensions.Canonical([new("level", "national"), new("population", "key_groups")]));
        Assert.Equal("""{"level":"national","population":"key_groups"}""", Dimensions.Canonical([new("population", "key_groups"), new("level", "national")]));
    }
}
