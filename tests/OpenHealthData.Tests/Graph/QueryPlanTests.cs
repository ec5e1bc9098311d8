using Microsoft.Data.Sqlite;
using OpenHealthData.Data;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Graph;

/// <summary>The statements the API sends for the main filter shapes are answered from indexes (EXPLAIN QUERY PLAN of the real text).</summary>
[Collection(ApiCollection.Name)]
public sealed class QueryPlanTests(ApiFactory api)
{
    public static TheoryData<string, string> Shapes => new()
    {
        { "region and year", "region: { code: { eq: \"330382\" } }, year: { eq: 2023 }" },
        { "metric and region", "metric: { code: { eq: \"physicians_per_1000\" } }, region: { code: { eq: \"330382\" } }" },
        { "year and metric", "year: { eq: 2023 }, metric: { code: { eq: \"physicians_per_1000\" } }" },
        { "source", "sourceId: { eq: \"yueqing-2023-work-summary\" }" },
        { "institution", "institution: { id: { eq: \"yueqing-peoples-hospital\" } }" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Observation_filters_use_an_index(string name, string where)
    {
        var sql = await StatementOfAsync($"{{ observations(first: 5, where: {{ {where} }}) {{ totalCount nodes {{ id value }} }} }}");
        var plan = Plan(sql);
        // the page (t0) and its count (t1) both search an index of observations; nothing scans the table
        foreach (var alias in new[] { "t0", "t1" })
            Assert.Contains(plan, s => s.StartsWith($"SEARCH {alias} USING", StringComparison.Ordinal) && s.Contains("INDEX IX_Observations_", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, s => s.StartsWith("SCAN t", StringComparison.Ordinal));
        Assert.NotNull(name);
    }

    [Fact]
    public async Task A_filter_on_a_references_key_reads_the_foreign_key_without_a_subquery()
    {
        var byKey = await StatementOfAsync("{ observations(first: 5, where: { metric: { code: { eq: \"physicians_per_1000\" } }, region: { code: { eq: \"330382\" } } }) { nodes { id } } }");
        Assert.DoesNotContain("IN (SELECT", byKey, StringComparison.Ordinal);
        Assert.Contains("\"t0\".\"MetricCode\" = @p", byKey, StringComparison.Ordinal);

        var byName = await StatementOfAsync("{ observations(first: 5, where: { metric: { nameEn: { eq: \"Physicians\" } } }) { nodes { id } } }");
        Assert.Contains("\"MetricCode\" IN (SELECT", byName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batched_children_use_the_foreign_key_indexes()
    {
        var sql = await StatementOfAsync("{ regions(first: 20) { nodes { code observations(first: 3, order: [{ year: DESC }]) { id } } } }");
        var plan = Plan(sql);
        Assert.Contains(plan, s => s.StartsWith("SCAN p VIRTUAL TABLE", StringComparison.Ordinal)); // the parents, outside
        Assert.Contains(plan, s => s.StartsWith("SEARCH t1 USING", StringComparison.Ordinal) && s.Contains("IX_Observations_RegionCode", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, s => s.StartsWith("SCAN t", StringComparison.Ordinal));
    }

    /// <summary>The one statement on observations that answering the query sent.</summary>
    private async Task<string> StatementOfAsync(string query)
    {
        _ = api.Services; // started: start-up's own statements are not the query's
        api.Statements.Reset();
        await api.GraphQLAsync(query);
        return Assert.Single(api.Statements.Texts, t => t.Contains("FROM \"Observations\"", StringComparison.Ordinal));
    }

    /// <summary>EXPLAIN QUERY PLAN of a statement, its parameters unbound (the plan does not depend on their values).</summary>
    private List<string> Plan(string sql)
    {
        _ = api.Services;
        using var connection = new SqliteConnection(HealthDatabase.ReadOnlyConnectionString(api.DatabasePath));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var steps = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) steps.Add(reader.GetString(3));
        return steps;
    }
}
