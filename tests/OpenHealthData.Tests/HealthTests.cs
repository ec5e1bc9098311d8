using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests;

[Collection(ApiCollection.Name)]
public sealed class HealthTests(ApiFactory api)
{
    [Fact]
    public async Task Healthz_reports_the_seed_hash_and_row_counts()
    {
        var response = await api.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(SeedHash.Compute(RepoPaths.SeedData), json.GetProperty("seedHash").GetString());
        await using var db = api.OpenDatabase();
        var counts = json.GetProperty("counts");
        Assert.Equal(await db.Observations.CountAsync(), counts.GetProperty("observations").GetInt32());
        Assert.Equal(await db.Regions.CountAsync(), counts.GetProperty("regions").GetInt32());
        Assert.Equal(5, counts.GetProperty("sources").GetInt32());
    }
}
