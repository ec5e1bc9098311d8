using Microsoft.EntityFrameworkCore;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data.Model;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Graph;

/// <summary>The main filter shapes, built by the same filter code the API uses, are answered from indexes.</summary>
[Collection(ApiCollection.Name)]
public sealed class QueryPlanTests(ApiFactory api)
{
    private static Dictionary<string, object?> Eq(object value) => new() { ["eq"] = value };

    public static TheoryData<string, string> Shapes => new()
    {
        { "region and year", "regionCode=330382;year=2023" },
        { "metric and region", "metricCode=physicians_per_1000;regionCode=330382" },
        { "year and metric", "year=2023;metricCode=physicians_per_1000" },
        { "source", "sourceId=yueqing-2023-work-summary" },
        { "institution", "institutionId=yueqing-peoples-hospital" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Observation_filters_use_an_index(string name, string filter)
    {
        var where = filter.Split(';').Select(p => p.Split('=')).ToDictionary(
            p => p[0], p => (object?)Eq(p[0] == "year" ? int.Parse(p[1]) : p[1]));
        await using var db = api.OpenDatabase();
        var query = db.Observations.Where(OpenHealthData.Api.Querying.Shapes.Observation, where);

        var plan = await PlanAsync(db, query);
        var count = await PlanAsync(db, query.Select(o => o.Id).Take(1)); // the shape of totalCount's and a page's scan

        foreach (var steps in new[] { plan, count })
        {
            Assert.Contains(steps, s => s.StartsWith("SEARCH o USING", StringComparison.Ordinal) && s.Contains("INDEX IX_Observations_", StringComparison.Ordinal));
            Assert.DoesNotContain(steps, s => s.StartsWith("SCAN o", StringComparison.Ordinal));
        }
        Assert.NotNull(name);
    }

    [Fact]
    public async Task A_filter_on_a_references_key_reads_the_foreign_key_without_a_join()
    {
        await using var db = api.OpenDatabase();
        var byKey = new Dictionary<string, object?>
        {
            ["metric"] = new Dictionary<string, object?> { ["code"] = Eq("physicians_per_1000") },
            ["region"] = new Dictionary<string, object?> { ["code"] = Eq("330382") },
        };
        var sql = db.Observations.Where(OpenHealthData.Api.Querying.Shapes.Observation, byKey).ToQueryString();
        Assert.DoesNotContain("JOIN", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"MetricCode\"", sql, StringComparison.Ordinal);

        var byName = new Dictionary<string, object?> { ["metric"] = new Dictionary<string, object?> { ["nameEn"] = Eq("Physicians") } };
        Assert.Contains("JOIN", db.Observations.Where(OpenHealthData.Api.Querying.Shapes.Observation, byName).ToQueryString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Batched_children_use_the_foreign_key_indexes()
    {
        await using var db = api.OpenDatabase();
        var plan = await PlanAsync(db, db.Observations.WhereIn(o => o.RegionCode, ["330382", "140823"]));
        Assert.Contains(plan, s => s.StartsWith("SEARCH o USING", StringComparison.Ordinal) && s.Contains("IX_Observations_RegionCode", StringComparison.Ordinal));
    }

    private static async Task<List<string>> PlanAsync<T>(Microsoft.EntityFrameworkCore.DbContext db, IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        command.Connection = db.Database.GetDbConnection();
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
        return steps;
    }
}
