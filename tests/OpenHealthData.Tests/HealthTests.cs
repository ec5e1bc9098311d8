using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
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
    public void Every_request_context_is_read_only_also_on_a_reused_connection()
    {
        for (var request = 0; request < 3; request++) // the pool hands the same SQLite connection out again
        {
            using var scope = api.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HealthDbContext>();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "SELECT query_only FROM pragma_query_only";
            Assert.Equal(1L, pragma.ExecuteScalar());
            pragma.CommandText = "PRAGMA mmap_size";
            Assert.True((long)pragma.ExecuteScalar()! > 0);
            Assert.Throws<SqliteException>(() => db.Database.ExecuteSqlRaw("DELETE FROM Regions"));
        }
    }
}
