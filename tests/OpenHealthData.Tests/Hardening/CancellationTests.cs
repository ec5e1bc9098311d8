using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenHealthData.Data;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Hardening;

/// <summary>
/// A request that runs too long is stopped inside SQLite, not left to finish: the execution limit and the client
/// leaving reach the statement that is running (sqlite3_interrupt), and the connection pool stays healthy.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CancellationTests(ApiFactory api)
{
    /// <summary>About a billion steps of SQLite's VM: minutes when not interrupted.</summary>
    private const string SlowSql = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c";

    [Fact]
    public void A_running_statement_is_interrupted_when_its_token_fires_and_the_pool_goes_on()
    {
        _ = api.Services; // the database is built on start
        using var connections = new ReadConnections(api.DatabasePath, []);
        using var cancel = new CancellationTokenSource();
        using (ReadConnections.CancelWith(cancel.Token))
        {
            cancel.CancelAfter(TimeSpan.FromMilliseconds(200));
            var e = Assert.ThrowsAny<OperationCanceledException>(() => connections.Query(SlowSql, [], r => r.GetInt64(0)));
            Assert.Equal(cancel.Token, e.CancellationToken);
        }
        // Outside the scope the next statements run to the end, on the pool's connections.
        for (var i = 0; i < 3; i++)
            Assert.Equal(SeedRecords.ObservationCount, connections.Query("SELECT count(*) FROM Observations", [], r => r.GetInt32(0))[0]);
    }

    [Fact]
    public void A_statement_started_after_its_token_fired_does_not_run()
    {
        _ = api.Services;
        using var connections = new ReadConnections(api.DatabasePath, []);
        using (ReadConnections.CancelWith(new CancellationToken(canceled: true)))
            Assert.ThrowsAny<OperationCanceledException>(() => connections.Query(SlowSql, [], r => r.GetInt64(0)));
    }
}

/// <summary>The GraphQL execution limit reaches the statements of the request (so SQLite is interrupted, as above); past it the answer is 503 TIMEOUT.</summary>
public sealed class ExecutionLimitTests : IClassFixture<ExecutionLimitTests.SlowFactory>
{
    private readonly SlowFactory _api;
    public ExecutionLimitTests(SlowFactory api) => _api = api;

    /// <summary>Once Slow, every statement stalls for up to 10 s before it runs, as a slow statement would, unless the limit stops it first.</summary>
    public sealed class SlowFactory : ApiFactory
    {
        public readonly System.Collections.Concurrent.ConcurrentQueue<bool> CancelledWhileRunning = new();
        public volatile bool Slow;
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Limits:ExecutionTimeoutSeconds", "1"), new("ResponseCache:MaxBytes", "0")];
        protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IStatementObserver>(new SlowObserver(this));
    }

    private sealed class SlowObserver(SlowFactory factory) : IStatementObserver
    {
        public void Executing(string sql, IReadOnlyList<object?> parameters)
        {
            if (!factory.Slow) return;
            var token = ReadConnections.CurrentCancellation;
            // Not a fixed sleep just past the limit: on a busy machine the limit's timer can fire late, and the statement
            // would then run before it. Ten times the limit leaves no such race; the wait ends when the limit fires.
            token.WaitHandle.WaitOne(TimeSpan.FromSeconds(10));
            factory.CancelledWhileRunning.Enqueue(token.IsCancellationRequested);
        }
    }

    [Fact]
    public async Task A_query_past_the_limit_is_a_503_and_its_statement_is_stopped()
    {
        const string query = "{ observations(first: 3) { nodes { id } } }";
        for (var i = 0; i < 10; i++) // warm (the first request builds the schema, maybe past 1 s on a busy machine)
        {
            using var warm = await _api.PostGraphQLAsync(query);
            if (warm.IsSuccessStatusCode) break;
        }
        _api.Slow = true;
        using var response = await _api.PostGraphQLAsync(query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("TIMEOUT", JsonDocument.Parse(body).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal([true], _api.CancelledWhileRunning); // the one statement saw the limit fire: SQLite was told to stop
    }
}
