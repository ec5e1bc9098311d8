using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data.Model;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Querying;

/// <summary>
/// The four rules of schema/filters.md, each on the real seed and answered by the in-memory rows: nulls in in/nin,
/// one case rule for every text operator, filters through a missing reference, and checked cursors. Each case here
/// was once answered wrongly (issue 21).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FilterSemanticsTests(ApiFactory api)
{
    private async Task<List<string>> Ids(string where)
    {
        var data = await api.GraphQLAsync($"{{ observations(first: 500, where: {where}, order: [{{ id: ASC }}]) {{ totalCount nodes {{ id }} }} }}");
        var page = data.GetProperty("observations");
        var ids = page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Count, page.GetProperty("totalCount").GetInt32());
        return ids;
    }

    private async Task<List<string>> Expected(Func<Observation, bool> predicate)
    {
        await using var db = api.OpenDatabase();
        return [.. (await db.Observations.Include(o => o.Institution).ToListAsync()).Where(predicate).Select(o => o.Id).Order(StringComparer.Ordinal)];
    }

    public static TheoryData<string, string> Cases => new()
    {
        // (1) a null in the list: "or is null" / "and is not null"
        { "{ kind: { nin: [\"actual\", null] } }", "kind not actual" },
        { "{ kind: { in: [\"target\", null] } }", "kind target" },
        { "{ note: { in: [null] } }", "note missing" },
        { "{ note: { nin: [null] } }", "note present" },
        { "{ institutionId: { in: [\"yueqing-peoples-hospital\", null] } }", "institution Yueqing People's or none" },
        { "{ institutionId: { nin: [\"yueqing-peoples-hospital\", null] } }", "institution some other" },
        { "{ lowerBound: { nin: [1, null] } }", "lowerBound present and not 1" },
        { "{ note: { neq: \"x\" } }", "note not x (missing included)" },
        // (2) one case rule: exact, for every text operator
        { "{ metricCode: { startsWith: \"HOSPITAL\" } }", "none" },
        { "{ metricCode: { endsWith: \"RATE\" } }", "none" },
        { "{ metricCode: { contains: \"Rate\" } }", "none" },
        { "{ metricCode: { nstartsWith: \"HOSPITAL\" } }", "all" },
        { "{ id: { startsWith: \"yueqing-2023-work-summary-00\" } }", "id starts yueqing-2023-work-summary-00" },
        { "{ note: { startsWith: \"%\" } }", "note starts with %" },
        { "{ note: { endsWith: \"\" } }", "note present" },
        // (3) through a missing reference: nothing, however many conditions; eq/neq null test the reference itself
        { "{ institution: { id: { nin: [\"x\"] } } }", "has institution" },
        { "{ institution: { id: { nin: [\"x\"] }, nameEn: { neq: \"zz\" } } }", "has institution" },
        { "{ institution: { nameEn: { neq: \"zz\" } } }", "has institution" },
        { "{ institution: { id: { ncontains: \"zz\" } } }", "has institution" },
        { "{ institution: { eq: null } }", "no institution" },
        { "{ institution: { neq: null } }", "has institution" },
        { "{ institution: { neq: \"yueqing-peoples-hospital\" } }", "institution not Yueqing People's (none included)" },
        { "{ institution: { or: [{ eq: null }, { type: { eq: \"hospital\" } }] } }", "no institution or a hospital" },
        { "{ institution: { eq: null, nameEn: { neq: \"zz\" } } }", "none" },
        { "{ not: { institution: { id: { nin: [\"x\"] } } } }", "no institution" },
        { "{ programme: { id: { neq: \"x\" } } }", "has programme" },
    };

    private static readonly Dictionary<string, Func<Observation, bool>> Predicates = new()
    {
        ["kind not actual"] = o => o.Kind != "actual",
        ["kind target"] = o => o.Kind == "target",
        ["note missing"] = o => o.Note is null,
        ["note present"] = o => o.Note is not null,
        ["institution Yueqing People's or none"] = o => o.InstitutionId is null or "yueqing-peoples-hospital",
        ["institution some other"] = o => o.InstitutionId is not null and not "yueqing-peoples-hospital",
        ["lowerBound present and not 1"] = o => o.LowerBound is not null and not 1,
        ["note not x (missing included)"] = o => o.Note != "x",
        ["none"] = _ => false,
        ["all"] = _ => true,
        ["id starts yueqing-2023-work-summary-00"] = o => o.Id.StartsWith("yueqing-2023-work-summary-00", StringComparison.Ordinal),
        ["note starts with %"] = o => o.Note?.StartsWith('%') == true,
        ["has institution"] = o => o.InstitutionId is not null,
        ["no institution"] = o => o.InstitutionId is null,
        ["institution not Yueqing People's (none included)"] = o => o.InstitutionId != "yueqing-peoples-hospital",
        ["no institution or a hospital"] = o => o.InstitutionId is null || o.Institution!.Type == "hospital",
        ["has programme"] = o => o.ProgrammeId is not null,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_stated_rule_gives_the_rows_the_predicate_selects(string where, string predicate) =>
        Assert.Equal(await Expected(Predicates[predicate]), await Ids(where));

    [Fact]
    public async Task The_reproductions_of_issue_21_give_the_right_counts()
    {
        Assert.Equal(SeedRecords.Observations.Count(r => r.GetProperty("kind").GetString() != "actual"), (await Ids("{ kind: { nin: [\"actual\", null] } }")).Count);
        var withInstitution = await Ids("{ institution: { id: { nin: [\"x\"] } } }");
        Assert.NotEmpty(withInstitution);
        Assert.True(withInstitution.Count < SeedRecords.ObservationCount);
        // adding a condition every institution meets changes nothing
        Assert.Equal(withInstitution, await Ids("{ institution: { id: { nin: [\"x\"] }, nameEn: { neq: \"zz\" } } }"));
    }

    [Fact]
    public async Task Every_text_operator_follows_one_case_rule()
    {
        // the same rows whether the text matches in case or not: none when it does not
        foreach (var op in new[] { "eq", "contains", "startsWith", "endsWith" })
        {
            var exact = op switch { "startsWith" => "family", "endsWith" => "_rate", "contains" => "doctor_sign", _ => "family_doctor_signing_rate" };
            Assert.NotEmpty(await Ids($"{{ metricCode: {{ {op}: \"{exact}\" }} }}"));
            Assert.Empty(await Ids($"{{ metricCode: {{ {op}: \"{exact.ToUpperInvariant()}\" }} }}"));
        }
    }

    private static string Cursor(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text));

    public static TheoryData<string> BadCursors => new()
    {
        Cursor("pos:2147483647"), Cursor("pos:2147483646"), Cursor($"pos:{SeedRecords.ObservationCount}"), Cursor("pos:-1"), Cursor("pos:+3"), Cursor("pos:03"), Cursor("pos: 3"),
        Cursor("pos:3 "), "cG9zOjM", "!!", "", Cursor("pos:99999999999"),
    };

    [Theory]
    [MemberData(nameof(BadCursors))]
    public async Task A_cursor_that_names_no_row_is_an_error_naming_after_never_a_page(string cursor)
    {
        using var graph = await api.PostGraphQLAsync("query($c: String) { observations(first: 5, after: $c) { nodes { id } } }", new { c = cursor });
        var json = JsonDocument.Parse(await graph.Content.ReadAsStringAsync()).RootElement;
        var error = json.GetProperty("errors")[0];
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("'after'", error.GetProperty("message").GetString());

        using var rest = await api.CreateClient().GetAsync($"/api/v1/observations?first=5&after={Uri.EscapeDataString(cursor)}");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, rest.StatusCode);
        Assert.Contains("after", await rest.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_cursor_past_the_end_of_before_is_an_error_and_the_last_row_gives_an_empty_page()
    {
        using var graph = await api.PostGraphQLAsync("query($c: String) { observations(last: 5, before: $c) { nodes { id } } }", new { c = Paging.Encode(SeedRecords.ObservationCount) });
        Assert.Contains("'before'", await graph.Content.ReadAsStringAsync());
        var last = await api.GraphQLAsync($"{{ observations(first: 5, after: \"{Paging.Encode(SeedRecords.ObservationCount - 1)}\") {{ nodes {{ id }} pageInfo {{ hasNextPage }} }} }}");
        Assert.Empty(last.GetProperty("observations").GetProperty("nodes").EnumerateArray());
    }
}
