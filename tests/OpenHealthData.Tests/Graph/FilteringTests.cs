using Microsoft.EntityFrameworkCore;
using OpenHealthData.Data.Model;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Graph;

/// <summary>
/// Every operator, and/or and nested filter, checked against the same predicate evaluated in memory over all
/// rows of the database: the API must return exactly the rows the predicate selects.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FilteringTests(ApiFactory api)
{

    public static TheoryData<string, string> Cases => new()
    {
        { "{ year: { eq: 2023 } }", "year == 2023" },
        { "{ year: { neq: 2023 } }", "year != 2023" },
        { "{ year: { in: [2022, 2024] } }", "year in 2022,2024" },
        { "{ year: { nin: [2023] } }", "year not in 2023" },
        { "{ year: { gt: 2023 } }", "year > 2023" },
        { "{ year: { gte: 2023 } }", "year >= 2023" },
        { "{ year: { lt: 2023 } }", "year < 2023" },
        { "{ year: { lte: 2022 } }", "year <= 2022" },
        { "{ value: { gt: 1000 } }", "value > 1000" },
        { "{ value: { gte: 100, lte: 1000 } }", "100 <= value <= 1000" },
        { "{ value: { lt: 1.5 } }", "value < 1.5" },
        { "{ kind: { eq: \"target\" } }", "kind == target" },
        { "{ kind: { neq: \"actual\" } }", "kind != actual" },
        { "{ kind: { in: [\"target\", \"change\"] } }", "kind in target,change" },
        { "{ unit: { nin: [\"percent\", \"count\"] } }", "unit not in percent,count" },
        { "{ quote: { contains: \"万\" } }", "quote contains 万" },
        { "{ quote: { ncontains: \"万\" } }", "quote not contains 万" },
        { "{ metricCode: { startsWith: \"hospital\" } }", "metric starts with hospital" },
        { "{ metricCode: { nstartsWith: \"hospital\" } }", "metric not starts with hospital" },
        { "{ id: { endsWith: \"-001\" } }", "id ends with -001" },
        { "{ id: { nendsWith: \"1\" } }", "id not ends with 1" },
        { "{ note: { eq: null } }", "note is null" },
        { "{ note: { neq: null } }", "note is not null" },
        { "{ institutionId: { neq: null } }", "has institution" },
        { "{ or: [{ kind: { eq: \"target\" } }, { year: { lt: 2023 } }] }", "target or before 2023" },
        { "{ and: [{ year: { gte: 2023 } }, { unit: { eq: \"percent\" } }] }", "2023+ and percent" },
        { "{ region: { code: { eq: \"330382\" } }, year: { gte: 2023 } }", "Yueqing from 2023" },
        { "{ metric: { category: { eq: \"workforce\" } } }", "workforce metrics" },
        { "{ region: { parent: { code: { eq: \"140800\" } } } }", "regions below Yuncheng" },
        { "{ source: { region: { nameEn: { contains: \"Shanxi\" } } } }", "sources about Shanxi" },
        { "{ institution: { type: { eq: \"hospital\" } } }", "about a hospital" },
        { "{ or: [{ programme: { startYear: { lte: 2022 } } }, { metric: { unit: { eq: \"CNY\" } } }] }", "old programme or money" },
        // A filter on a reference's key alone is read from the foreign key column: same answers as through the join.
        { "{ metric: { code: { startsWith: \"hospital\" } } }", "metric (key) starts with hospital" },
        { "{ region: { code: { in: [\"330382\", \"140800\"] } } }", "region (key) in Yueqing, Yuncheng" },
        { "{ region: { parent: { code: { eq: \"140000\" } } } }", "parent (key) is Shanxi" },
        { "{ institution: { id: { eq: \"yueqing-peoples-hospital\" } } }", "institution (key) is Yueqing People's" },
        { "{ institution: { id: { neq: \"yueqing-peoples-hospital\" } } }", "institution (key) is not Yueqing People's" },
        { "{ institution: { id: { eq: null } } }", "institution (key) is null" },
        { "{ institution: { eq: null } }", "no institution" },
        { "{ programme: { id: { nin: [\"shanxi-health-theme-education-2023\"] } } }", "programme (key) not the theme education" },
        { "{ programme: { id: { ncontains: \"shanxi\" } } }", "programme (key) not containing shanxi" },
    };

    private static readonly Dictionary<string, Func<Observation, bool>> Predicates = new()
    {
        ["year == 2023"] = o => o.Year == 2023,
        ["year != 2023"] = o => o.Year != 2023,
        ["year in 2022,2024"] = o => o.Year is 2022 or 2024,
        ["year not in 2023"] = o => o.Year != 2023,
        ["year > 2023"] = o => o.Year > 2023,
        ["year >= 2023"] = o => o.Year >= 2023,
        ["year < 2023"] = o => o.Year < 2023,
        ["year <= 2022"] = o => o.Year <= 2022,
        ["value > 1000"] = o => o.Value > 1000,
        ["100 <= value <= 1000"] = o => o.Value is >= 100 and <= 1000,
        ["value < 1.5"] = o => o.Value < 1.5,
        ["kind == target"] = o => o.Kind == "target",
        ["kind != actual"] = o => o.Kind != "actual",
        ["kind in target,change"] = o => o.Kind is "target" or "change",
        ["unit not in percent,count"] = o => o.Unit is not ("percent" or "count"),
        ["quote contains 万"] = o => o.Quote.Contains('万'),
        ["quote not contains 万"] = o => !o.Quote.Contains('万'),
        ["metric starts with hospital"] = o => o.MetricCode.StartsWith("hospital", StringComparison.Ordinal),
        ["metric not starts with hospital"] = o => !o.MetricCode.StartsWith("hospital", StringComparison.Ordinal),
        ["id ends with -001"] = o => o.Id.EndsWith("-001", StringComparison.Ordinal),
        ["id not ends with 1"] = o => !o.Id.EndsWith('1'),
        ["note is null"] = o => o.Note is null,
        ["note is not null"] = o => o.Note is not null,
        ["has institution"] = o => o.InstitutionId is not null,
        ["target or before 2023"] = o => o.Kind == "target" || o.Year < 2023,
        ["2023+ and percent"] = o => o.Year >= 2023 && o.Unit == "percent",
        ["Yueqing from 2023"] = o => o.RegionCode == "330382" && o.Year >= 2023,
        ["workforce metrics"] = o => o.Metric!.Category == "workforce",
        ["regions below Yuncheng"] = o => o.Region!.ParentCode == "140800",
        ["sources about Shanxi"] = o => o.Source!.Region!.NameEn.Contains("Shanxi"),
        ["about a hospital"] = o => o.Institution?.Type == "hospital",
        ["old programme or money"] = o => o.Programme?.StartYear <= 2022 || o.Metric!.Unit == "CNY",
        ["metric (key) starts with hospital"] = o => o.Metric!.Code.StartsWith("hospital", StringComparison.Ordinal),
        ["region (key) in Yueqing, Yuncheng"] = o => o.Region!.Code is "330382" or "140800",
        ["parent (key) is Shanxi"] = o => o.Region!.Parent?.Code == "140000",
        ["institution (key) is Yueqing People's"] = o => o.Institution?.Id == "yueqing-peoples-hospital",
        // through a missing reference nothing matches (schema/filters.md, rule 3); { eq: null } tests the reference itself
        ["institution (key) is not Yueqing People's"] = o => o.Institution is { Id: not "yueqing-peoples-hospital" },
        ["institution (key) is null"] = _ => false,
        ["no institution"] = o => o.Institution is null,
        ["programme (key) not the theme education"] = o => o.Programme is { Id: not "shanxi-health-theme-education-2023" },
        ["programme (key) not containing shanxi"] = o => o.Programme is { } p && !p.Id.Contains("shanxi"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Observations_filter_selects_exactly_the_matching_rows(string where, string predicate)
    {
        var all = await AllObservations();
        var expected = all.Where(Predicates[predicate]).Select(o => o.Id).Order(StringComparer.Ordinal).ToList();

        var actual = await Pager.AllIdsAsync(api, "observations", where, "[{ id: ASC }]");

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task The_cases_are_not_trivial()
    {
        // A filter case that matches everything or nothing would not test its operator.
        var all = await AllObservations();
        var trivial = Predicates.Where(p => all.Count(p.Value) is 0 || all.Count(p.Value) == all.Count).Select(p => p.Key).ToList();
        Assert.True(trivial.Count <= 3, "Filter cases that select nothing or everything: " + string.Join(", ", trivial));
    }

    [Fact]
    public async Task WithinRegion_includes_every_region_below()
    {
        var all = await AllObservations();
        var shanxi = all.Where(o => o.RegionCode == "140000" || o.Region!.ParentCode == "140000" || o.Region!.Parent?.ParentCode == "140000")
            .Select(o => o.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(shanxi, id => id.StartsWith("wenxi", StringComparison.Ordinal)); // a county two levels down

        var within = await Pager.AllIdsAsync(api, "observations", null, "[{ id: ASC }]", "withinRegion: \"140000\"");
        var exact = await Pager.AllIdsAsync(api, "observations", "{ region: { code: { eq: \"140000\" } } }", "[{ id: ASC }]");

        Assert.Equal(shanxi, within);
        Assert.True(exact.Count < within.Count);
    }

    [Fact]
    public async Task Filters_work_on_every_collection()
    {
        var data = await api.GraphQLAsync("""
            {
              regions(where: { level: { eq: "county" } }) { nodes { code } }
              sources(where: { regionCode: { startsWith: "14" } }) { nodes { id } }
              institutions(where: { type: { in: ["hospital", "tcm_hospital"] } }) { totalCount }
              programmes(where: { startYear: { gte: 2023 } }) { totalCount }
              metrics(where: { unit: { eq: "percent" } }) { totalCount }
            }
            """);
        await using var db = api.OpenDatabase();
        Assert.Equal(await db.Regions.Where(r => r.Level == "county").Select(r => r.Code).OrderBy(c => c).ToListAsync(),
            data.GetProperty("regions").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("code").GetString()!).Order().ToList());
        Assert.Equal(3, data.GetProperty("sources").GetProperty("nodes").GetArrayLength());
        Assert.Equal(await db.Institutions.CountAsync(i => i.Type == "hospital" || i.Type == "tcm_hospital"), data.GetProperty("institutions").GetProperty("totalCount").GetInt32());
        Assert.Equal(await db.Programmes.CountAsync(p => p.StartYear >= 2023), data.GetProperty("programmes").GetProperty("totalCount").GetInt32());
        Assert.Equal(await db.Metrics.CountAsync(m => m.Unit == "percent"), data.GetProperty("metrics").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Filter_values_are_parameters_not_sql()
    {
        var data = await api.GraphQLAsync("""{ observations(where: { quote: { contains: "' OR 1=1 --" } }) { totalCount } regions(where: { code: { eq: "\"; DROP TABLE Regions; --" } }) { totalCount } }""");
        Assert.Equal(0, data.GetProperty("observations").GetProperty("totalCount").GetInt32());
        Assert.Equal(0, data.GetProperty("regions").GetProperty("totalCount").GetInt32());
        var regions = await api.GraphQLAsync("{ regions { totalCount } }");
        Assert.True(regions.GetProperty("regions").GetProperty("totalCount").GetInt32() >= 8);
    }

    private async Task<List<Observation>> AllObservations()
    {
        await using var db = api.OpenDatabase();
        return await db.Observations.Include(o => o.Metric).Include(o => o.Region).ThenInclude(r => r!.Parent)
            .Include(o => o.Source).ThenInclude(s => s!.Region).Include(o => o.Institution).Include(o => o.Programme)
            .AsNoTracking().ToListAsync();
    }
}

public static class Pager
{
    /// <summary>Walks a root collection page by page with cursors and returns the ids (or codes) in order.</summary>
    public static async Task<List<string>> AllIdsAsync(ApiFactory api, string collection, string? where, string order, string extra = "", int pageSize = 100)
    {
        var key = collection is "regions" or "metrics" ? "code" : "id";
        var ids = new List<string>();
        string? after = null;
        for (var page = 0; page < 1000; page++)
        {
            var args = $"first: {pageSize}, order: {order}" + (where is null ? "" : $", where: {where}") + (extra.Length > 0 ? ", " + extra : "")
                       + (after is null ? "" : $", after: \"{after}\"");
            var data = await api.GraphQLAsync($"{{ {collection}({args}) {{ totalCount pageInfo {{ hasNextPage endCursor }} nodes {{ {key} }} }} }}");
            var connection = data.GetProperty(collection);
            ids.AddRange(connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty(key).GetString()!));
            var info = connection.GetProperty("pageInfo");
            if (!info.GetProperty("hasNextPage").GetBoolean())
            {
                Assert.Equal(connection.GetProperty("totalCount").GetInt32(), ids.Count);
                return ids;
            }
            after = info.GetProperty("endCursor").GetString();
        }
        throw new InvalidOperationException("paging did not end");
    }
}
