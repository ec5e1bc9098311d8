using Microsoft.Extensions.Logging;

namespace OpenHealthData.Data;

/// <summary>
/// Logs every statement <see cref="ReadConnections"/> runs, at Debug under "OpenHealthData.Sql", to read the SQL a
/// request sends, with its parameters: <c>--Logging:LogLevel:OpenHealthData.Sql=Debug</c> (bench/explain.sql was captured this way).
/// </summary>
public sealed class StatementLog(ILoggerFactory loggers) : IStatementObserver
{
    public const string Category = "OpenHealthData.Sql";
    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public void Executing(string sql, IReadOnlyList<object?> parameters)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
            _logger.LogDebug("{Sql} -- {Parameters}", sql, string.Join(", ", parameters.Select((p, i) => $"@p{i} = {System.Text.Json.JsonSerializer.Serialize(p)}")));
    }
}
