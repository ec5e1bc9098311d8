using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenHealthData.Data;

namespace OpenHealthData.Tests.Support;

/// <summary>The API in-process over the real seed-data, with its own database file and a SQL statement counter.</summary>
public class ApiFactory : WebApplicationFactory<OpenHealthData.Api.Program>
{
    private readonly TempFolder _folder = RepoPaths.NewTempFolder();
    public string DatabasePath => _folder.File("openhealthdata.db");
    public StatementCounter Statements { get; } = new();
    public LogCollector Logs { get; } = new();
    protected virtual void ConfigureTestServices(IServiceCollection services) { }
    protected virtual string SeedDirectory => RepoPaths.SeedData;
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];
    /// <summary>The hosting environment: Production, as deployed; the README's `dotnet run` starts in Development.</summary>
    protected virtual string Environment => "Production";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Data:SeedDirectory", SeedDirectory);
        builder.UseSetting("Data:DatabasePath", DatabasePath);
        builder.UseSetting("RateLimiting:Enabled", "false"); // a test that needs it turns it on
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<IInterceptor>(Statements);
            s.AddSingleton<IStatementObserver>(Statements);
            s.AddSingleton<ILoggerProvider>(Logs);
            ConfigureTestServices(s);
        });
    }

    /// <summary>A read-only context on the API's database, to compute what the API should answer.</summary>
    public HealthDbContext OpenDatabase()
    {
        _ = Services; // the host builds the database on start
        return HealthDatabase.OpenReadOnly(DatabasePath);
    }

    public async Task<JsonElement> GraphQLAsync(string query, object? variables = null)
    {
        using var response = await PostGraphQLAsync(query, variables);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        Assert.False(json.TryGetProperty("errors", out var errors), $"GraphQL errors: {errors}");
        return json.GetProperty("data");
    }

    public Task<HttpResponseMessage> PostGraphQLAsync(string query, object? variables = null, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        if (accept is not null) request.Headers.Add("Accept", accept);
        return CreateClient().SendAsync(request);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _folder.Dispose();
    }
}

/// <summary>Keeps what the server logs, to check what it says about failures.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();
    public IReadOnlyList<(LogLevel Level, string Message)> Entries => [.. _entries];
    public ILogger CreateLogger(string categoryName) => new CallbackLogger((level, message) => _entries.Enqueue((level, message)));
    public void Dispose() { }
}

/// <summary>Counts the SQL statements the API sends (through EF Core and through its prepared list queries), to prove that batching bounds them.</summary>
public sealed class StatementCounter : DbCommandInterceptor, IStatementObserver
{
    private int _count;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();
    public int Count => _count;
    /// <summary>The SQL of the queries since the last reset.</summary>
    public IReadOnlyList<string> Texts => [.. _texts];
    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _texts.Clear();
    }

    public void Executing(string sql, IReadOnlyList<object?> parameters)
    {
        Interlocked.Increment(ref _count);
        _texts.Enqueue(sql);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _count);
        _texts.Enqueue(command.CommandText);
        return base.ReaderExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutingAsync(command, eventData, result, ct);
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}
