using System.Text.Json;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Seeding;

/// <summary>A figure about one institution is filed under the region the institution is in, so that a reader of that region finds it.</summary>
[Collection(ApiCollection.Name)]
public sealed class InstitutionPlaceTests(ApiFactory api)
{
    private static readonly string[] ProvincialHospitals =
    [
        "shanxi-provincial-peoples-hospital", "shanxi-medical-university-first-hospital", "shanxi-cancer-hospital", "shanxi-eye-hospital",
        "shanxi-provincial-tcm-hospital", "shanxi-bethune-hospital", "shanxi-university-of-cm-affiliated-hospital", "xiyuan-hospital-shanxi-hospital",
    ];

    [Fact]
    public async Task Filtering_Taiyuan_finds_the_provincial_hospitals_figures_marked_as_institution_figures()
    {
        var client = api.CreateClient();
        foreach (var parameter in new[] { "region=140100", "withinRegion=140100" })
        {
            var page = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/observations?{parameter}&first=100")).RootElement;
            var items = page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("institutionId").GetString() is { } id && ProvincialHospitals.Contains(id)).ToList();
            Assert.True(items.Count == 19, $"{parameter}: {items.Count} figures of Shanxi's provincial hospitals");
            Assert.All(items, i => Assert.Equal("140100", i.GetProperty("regionCode").GetString()));
        }

        var data = await api.GraphQLAsync("""{ observations(withinRegion: "140100", first: 50) { totalCount nodes { id institution { id region { code } } } } }""");
        var nodes = data.GetProperty("observations").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(19, data.GetProperty("observations").GetProperty("totalCount").GetInt32());
        Assert.All(nodes, n => Assert.Equal("140100", n.GetProperty("institution").GetProperty("region").GetProperty("code").GetString()));
    }
}
