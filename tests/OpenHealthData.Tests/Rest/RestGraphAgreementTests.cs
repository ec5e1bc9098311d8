using System.Text.Json;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Rest;

/// <summary>
/// GET /api/v1/observations and GraphQL observations give the same rows in the same order for the same question:
/// every parameter alone and every pair of parameters, each with a few values (an old metric code among them).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RestGraphAgreementTests(ApiFactory api)
{
    /// <summary>Each REST parameter with values, and the GraphQL where (or withinRegion) it stands for.</summary>
    private static readonly (string Parameter, string Value, object Where)[] Parameters =
    [
        ("region", "330382", new { regionCode = new { eq = "330382" } }),
        ("region", "140000", new { regionCode = new { eq = "140000" } }),
        ("withinRegion", "140000", "140000"),
        ("withinRegion", "100000", "100000"),
        ("metric", "family_doctor_signing_rate", new { metricCode = new { eq = "family_doctor_signing_rate" } }),
        ("metric", "family_doctor_signing_rate_key_groups", new { metricCode = new { eq = "family_doctor_signing_rate" }, dimensions = new { has = new[] { new { name = "population", value = "key_groups" } } } }),
        ("year", "2023", new { year = new { eq = 2023 } }),
        ("year", "2024", new { year = new { eq = 2024 } }),
        ("kind", "target", new { kind = new { eq = "target" } }),
        ("kind", "actual", new { kind = new { eq = "actual" } }),
        ("source", "yueqing-2023-work-summary", new { sourceId = new { eq = "yueqing-2023-work-summary" } }),
        ("source", "shanxi-2023-theme-education", new { sourceId = new { eq = "shanxi-2023-theme-education" } }),
    ];

    public static TheoryData<int, int> Combinations()
    {
        var data = new TheoryData<int, int>();
        for (var i = 0; i < Parameters.Length; i++)
        {
            data.Add(i, -1);
            for (var j = i + 1; j < Parameters.Length; j++)
                if (Parameters[i].Parameter != Parameters[j].Parameter) data.Add(i, j);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Rest_and_GraphQL_give_the_same_rows(int first, int second)
    {
        var chosen = second < 0 ? new[] { Parameters[first] } : [Parameters[first], Parameters[second]];
        var rest = new List<string>();
        var query = string.Join("&", chosen.Select(c => $"{c.Parameter}={Uri.EscapeDataString(c.Value)}"));
        for (string? after = null; ;)
        {
            var page = JsonDocument.Parse(await api.CreateClient().GetStringAsync($"/api/v1/observations?{query}&first=100" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"))).RootElement;
            rest.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            if (!page.GetProperty("hasNextPage").GetBoolean()) break;
            after = page.GetProperty("endCursor").GetString();
        }

        var where = chosen.Where(c => c.Parameter != "withinRegion").Select(c => c.Where).ToArray();
        var within = chosen.FirstOrDefault(c => c.Parameter == "withinRegion").Value;
        var data = await api.GraphQLAsync("query($w: ObservationFilterInput, $r: String) { observations(first: 500, where: $w, withinRegion: $r, order: [{ year: DESC }]) { nodes { id } } }",
            new { w = new { and = where }, r = within });
        var graph = data.GetProperty("observations").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToList();
        Assert.Equal(graph, rest);
    }

    [Fact]
    public async Task The_agreement_is_not_vacuous()
    {
        var page = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/api/v1/observations?withinRegion=140000&kind=actual")).RootElement;
        Assert.True(page.GetProperty("totalCount").GetInt32() > 10);
    }
}
