using System.Text.Json;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Comparing;

/// <summary>Issue 23 on the shipped seed through the API: each group says whether it can be ranked and why not, and each figure carries its flags.</summary>
[Collection(ApiCollection.Name)]
public sealed class CompareNotesTests(ApiFactory api)
{
    [Fact]
    public async Task Rest_and_graphql_compare_say_the_immunisation_floors_cannot_be_ranked()
    {
        var rest = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/api/v1/compare?metric=immunisation_coverage_rate")).RootElement;
        var group = Assert.Single(rest.GetProperty("groups").EnumerateArray());
        Assert.False(group.GetProperty("rankable").GetBoolean());
        Assert.Contains("every figure is a bound", group.GetProperty("rankableNote").GetString());
        Assert.Contains("适龄儿童疫苗接种率", group.GetProperty("wordingNote").GetString());
        Assert.Equal(JsonValueKind.Null, group.GetProperty("scaleNote").ValueKind);
        Assert.All(group.GetProperty("rows").EnumerateArray(), r => Assert.Contains("bound", r.GetProperty("flags").EnumerateArray().Select(f => f.GetString())));

        var data = await api.GraphQLAsync("""
            {
              immunisation: compare(metric: "immunisation_coverage_rate") { rankable rankableNote scaleNote yearNote wordingNote rows { id flags } }
              beds: compare(metric: "medical_elderly_care_beds") { rankable scaleNote yearNote }
              literacy: compare(metric: "health_literacy_rate", kind: "actual") { rankable yearNote wordingNote }
              signing: compare(metric: "family_doctor_signing_rate", kind: "actual") { rankable rankableNote }
            }
            """);
        var immunisation = Assert.Single(data.GetProperty("immunisation").EnumerateArray());
        Assert.False(immunisation.GetProperty("rankable").GetBoolean());
        Assert.Equal(group.GetProperty("rankableNote").GetString(), immunisation.GetProperty("rankableNote").GetString());
        var beds = Assert.Single(data.GetProperty("beds").EnumerateArray());
        Assert.True(beds.GetProperty("rankable").GetBoolean());
        Assert.Contains("Yueqing City: county, Jiangxi Province: province", beds.GetProperty("scaleNote").GetString());
        var literacy = Assert.Single(data.GetProperty("literacy").EnumerateArray());
        Assert.Contains("Jiangxi Province 2024: the text gives no year; filed under the report's own year", literacy.GetProperty("yearNote").GetString());
        Assert.Equal(JsonValueKind.Null, literacy.GetProperty("wordingNote").ValueKind);
        var signing = Assert.Single(data.GetProperty("signing").EnumerateArray());
        Assert.True(signing.GetProperty("rankable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, signing.GetProperty("rankableNote").ValueKind);
    }

    [Fact]
    public async Task The_split_metrics_compare_apart_and_the_old_code_resolves()
    {
        var client = api.CreateClient();
        var visits = JsonDocument.Parse(await client.GetStringAsync("/api/v1/compare?metric=primary_care_visit_rate&kind=actual")).RootElement;
        Assert.Empty(visits.GetProperty("groups").EnumerateArray()); // Yueqing's 基层就诊率 alone; Jiangxi's 门急诊占比 is its own metric
        var subCentres = JsonDocument.Parse(await client.GetStringAsync("/api/v1/compare?metric=county_medical_sub_centre_count")).RootElement;
        Assert.Empty(subCentres.GetProperty("groups").EnumerateArray());
        var renamed = JsonDocument.Parse(await client.GetStringAsync("/api/v1/metrics/primary_care_visit_rate_change")).RootElement;
        Assert.Equal("primary_care_outpatient_emergency_share_change", renamed.GetProperty("code").GetString());
        var share = JsonDocument.Parse(await client.GetStringAsync("/api/v1/observations?metric=primary_care_outpatient_emergency_share")).RootElement;
        Assert.Equal(56.6, Assert.Single(share.GetProperty("items").EnumerateArray()).GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Wenxis_2023_mortality_results_stand_beside_the_2024_ceilings_each_with_its_kind_and_flags()
    {
        var data = await api.GraphQLAsync("""{ search(text: "孕产妇死亡率", first: 20) { edges { node { id year kind qualifier value flags headline } } } }""");
        var nodes = data.GetProperty("search").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"))
            .Where(n => n.GetProperty("id").GetString()!.StartsWith("wenxi", StringComparison.Ordinal)).ToDictionary(n => n.GetProperty("id").GetString()!);
        var result = nodes["wenxi-2024-seven-strengthenings-072"];
        var ceiling = nodes["wenxi-2024-seven-strengthenings-007"];
        Assert.Equal((2023, "actual", "AT_MOST", 12.8, true), (result.GetProperty("year").GetInt32(), result.GetProperty("kind").GetString(), result.GetProperty("qualifier").GetString(), result.GetProperty("value").GetDouble(), result.GetProperty("headline").GetBoolean()));
        Assert.Equal((2024, "target"), (ceiling.GetProperty("year").GetInt32(), ceiling.GetProperty("kind").GetString()));
        Assert.Equal(["inferred_year", "bound", "restated"], result.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!));
        Assert.Equal(["inferred_year", "bound", "target", "restated"], ceiling.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!));

        // and in the explorer, as a reporter searches: both cards on the first page, each with its kind's badge
        var html = await api.CreateClient().GetStringAsync("/explore?q=" + Uri.EscapeDataString("孕产妇死亡率"));
        foreach (var (id, kind) in new[] { ("wenxi-2024-seven-strengthenings-072", "actual"), ("wenxi-2024-seven-strengthenings-007", "target") })
        {
            var card = System.Text.RegularExpressions.Regex.Match(html, $"<li class=\"hit\" id=\"fig-{id}\">.*?</li>", System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.True(card.Success, $"{id} is on the first page of /explore?q=孕产妇死亡率");
            Assert.Contains($"<span class=\"badge kind-{kind}\">", card.Value);
        }
    }

    [Fact]
    public async Task Flags_are_in_rest_the_tables_and_filterable()
    {
        var client = api.CreateClient();
        var csv = (await client.GetStringAsync("/api/v1/snapshots/latest/observations.csv")).Split("\r\n");
        Assert.Contains("flags", csv[0].TrimStart('\uFEFF').Split(','));
        Assert.Contains(csv, line => line.StartsWith("shanxi-2023-theme-education-036,", StringComparison.Ordinal) && line.Contains("institution", StringComparison.Ordinal));
        var comparable = JsonDocument.Parse(await client.GetStringAsync("/api/v1/snapshots/latest/comparable.json")).RootElement;
        Assert.All(comparable.EnumerateArray(), r => Assert.Equal(JsonValueKind.Array, r.GetProperty("flags").ValueKind));

        var data = await api.GraphQLAsync("""{ parts: observations(where: { flags: { contains: "\"part\"" } }) { totalCount } institution: observations(where: { flags: { contains: "institution" } }, withinRegion: "140100") { totalCount } }""");
        Assert.Equal(10, data.GetProperty("parts").GetProperty("totalCount").GetInt32());
        Assert.Equal(19, data.GetProperty("institution").GetProperty("totalCount").GetInt32());
    }
}
