using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenHealthData.Data;
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

    [Fact]
    public void The_read_path_cannot_write_also_on_a_reused_connection()
    {
        // Requests read through ReadConnections only (no DbContext at request time); its pooled sessions are opened read-only.
        var connections = api.Services.GetRequiredService<ReadConnections>();
        var regions = connections.Query("SELECT count(*) FROM Regions", [], r => r.GetInt32(0))[0];
        for (var request = 0; request < 3; request++) // the pool hands the same SQLite connection out again
        {
            var refused = Assert.ThrowsAny<Exception>(() => connections.Query("DELETE FROM Regions", [], r => 0));
            Assert.Contains("readonly", refused.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(regions, connections.Query("SELECT count(*) FROM Regions", [], r => r.GetInt32(0))[0]);
        }
    }
}
