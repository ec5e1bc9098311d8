using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace OpenHealthData.Data;

/// <summary>
/// Open read-only connections to the database, each keeping its prepared statements. The API's list queries send
/// a few statement texts again and again with new values; SQLite parses and plans each text once per connection
/// instead of once per request, and no query pipeline runs in between. A connection is taken for one statement and
/// given back; the database never changes while the API runs, so any connection answers alike.
/// </summary>
public sealed class ReadConnections(string databasePath, IEnumerable<IStatementObserver> observers) : IDisposable
{
    /// <summary>More distinct texts than this on one connection (a client inventing filter shapes): its statements are dropped.</summary>
    private const int MaxStatementsPerConnection = 256;
    private const int MaxIdleConnections = 16;
    private readonly ConcurrentBag<Session> _idle = [];
    private readonly IStatementObserver[] _observers = [.. observers];
    private readonly string _connectionString = HealthDatabase.ReadOnlyConnectionString(databasePath) + ";Pooling=False";
    private bool _disposed;

    /// <summary>Runs one statement (parameters @p0, @p1 … in order) and reads each row of its result.</summary>
    public List<T> Query<T>(string sql, IReadOnlyList<object?> parameters, Func<SqliteDataReader, T> read)
    {
        foreach (var observer in _observers) observer.Executing(sql);
        var session = _idle.TryTake(out var idle) ? idle : new Session(_connectionString);
        try
        {
            var command = session.Command(sql, parameters.Count);
            for (var i = 0; i < parameters.Count; i++) command.Parameters[i].Value = parameters[i] ?? DBNull.Value;
            var rows = new List<T>();
            using (var reader = command.ExecuteReader())
                while (reader.Read()) rows.Add(read(reader));
            Return(session);
            return rows;
        }
        catch
        {
            session.Dispose(); // a statement that failed leaves nothing half-read behind on a pooled connection
            throw;
        }
    }

    private void Return(Session session)
    {
        if (_disposed || _idle.Count >= MaxIdleConnections) session.Dispose();
        else _idle.Add(session);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var session)) session.Dispose();
    }

    private sealed class Session : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public Session(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            using var pragmas = _connection.CreateCommand();
            pragmas.CommandText = ReadOnlyPragmas.Pragmas;
            pragmas.ExecuteNonQuery();
        }

        public SqliteCommand Command(string sql, int parameterCount)
        {
            if (_commands.TryGetValue(sql, out var command)) return command;
            if (_commands.Count >= MaxStatementsPerConnection)
            {
                foreach (var old in _commands.Values) old.Dispose();
                _commands.Clear();
            }
            command = _connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameterCount; i++) command.Parameters.Add(new SqliteParameter("@p" + i, DBNull.Value));
            command.Prepare();
            _commands[sql] = command;
            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values) command.Dispose();
            _connection.Dispose();
        }
    }
}
