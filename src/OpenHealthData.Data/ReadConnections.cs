using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OpenHealthData.Data;

/// <summary>
/// Open read-only connections to the database, each keeping its prepared statements. The API's list queries send
/// a few statement texts again and again with new values; SQLite parses and plans each text once per connection
/// instead of once per request, and nothing runs between SQLite and the reader of the rows (SQLite's own API:
/// Microsoft.Data.Sqlite costs ~15-20 µs per execution of a prepared command with parameters, measured, a third of a
/// small query). A connection is taken for one statement and given back; the database never changes while the API
/// runs, so any connection answers alike.
/// </summary>
public sealed class ReadConnections(string databasePath, IEnumerable<IStatementObserver> observers) : IDisposable
{
    /// <summary>More distinct texts than this on one connection (a client inventing filter shapes): its statements are dropped.</summary>
    private const int MaxStatementsPerConnection = 256;
    private const int MaxIdleConnections = 16;
    private const int EnableQueryPlannerStability = 1007; // SQLITE_DBCONFIG_ENABLE_QPSG
    private readonly ConcurrentBag<Session> _idle = [];
    private readonly IStatementObserver[] _observers = [.. observers];
    private readonly string _path = Path.GetFullPath(databasePath);
    private bool _disposed;

    /// <summary>The cancellation of the work on this async flow; see <see cref="CancelWith"/>.</summary>
    private static readonly AsyncLocal<CancellationToken> Cancellation = new();

    static ReadConnections() => Batteries_V2.Init();

    /// <summary>Runs one statement written as a <see cref="Sql"/> value and reads each row of its result.</summary>
    public List<T> Query<T>(Sql sql, Func<SqlRow, T> read)
    {
        var (text, parameters) = sql.Render();
        return Query(text, parameters, read);
    }

    /// <summary>
    /// Until disposed, a statement run on this async flow (a request's execution, its resolvers, its batch loaders) is
    /// interrupted inside SQLite (sqlite3_interrupt) when <paramref name="token"/> fires, and throws
    /// OperationCanceledException: a request past its execution limit, or whose client left, stops using the CPU
    /// instead of running its statement to the end. Ambient, so that the callers in between need not pass it on.
    /// </summary>
    public static IDisposable CancelWith(CancellationToken token)
    {
        var outer = Cancellation.Value;
        Cancellation.Value = token;
        return new Restore(outer);
    }

    /// <summary>The token statements on this async flow are interrupted by (none outside <see cref="CancelWith"/>).</summary>
    public static CancellationToken CurrentCancellation => Cancellation.Value;

    private sealed class Restore(CancellationToken outer) : IDisposable
    {
        public void Dispose() => Cancellation.Value = outer;
    }

    /// <summary>Runs one statement (parameters @p0, @p1 …, numbered as added) and reads each row of its result.</summary>
    public List<T> Query<T>(string sql, IReadOnlyList<object?> parameters, Func<SqlRow, T> read)
    {
        foreach (var observer in _observers) observer.Executing(sql, parameters);
        var session = _idle.TryTake(out var idle) ? idle : new Session(_path);
        try
        {
            var rows = session.Run(sql, parameters, read);
            Return(session);
            return rows;
        }
        catch
        {
            session.Dispose(); // nothing half-read stays behind on a pooled connection
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
        private readonly sqlite3 _db;
        private readonly Dictionary<string, (sqlite3_stmt Statement, int[] Slots)> _statements = new(StringComparer.Ordinal);

        public Session(string path)
        {
            // immutable: the file never changes under an open connection (a rebuild writes a new file and renames
            // it), so SQLite takes no lock and checks for no change at every statement: two to four syscalls less each.
            Check(raw.sqlite3_open_v2(new Uri(path).AbsoluteUri + "?immutable=1", out _db,
                raw.SQLITE_OPEN_READONLY | raw.SQLITE_OPEN_NOMUTEX | raw.SQLITE_OPEN_URI, null));
            Check(raw.sqlite3_exec(_db, ReadOnlyPragmas.Pragmas));
            // The query planner stability guarantee: a statement keeps its plan whatever values are bound. Without
            // it SQLite re-prepared a statement on most executions (a bound value may change the best plan, e.g. the
            // list a json_each reads): 2,185 re-prepares in 20,000 executions of one nested list, measured.
            Check(raw.sqlite3_db_config(_db, EnableQueryPlannerStability, 1, out _));
        }

        public List<T> Run<T>(string sql, IReadOnlyList<object?> parameters, Func<SqlRow, T> read)
        {
            var cancel = CurrentCancellation;
            cancel.ThrowIfCancellationRequested();
            var (statement, slots) = Prepared(sql, parameters.Count);
            // Disposed (waiting for a running callback) before the connection goes back to the pool: an interrupt
            // never reaches another request's statement.
            using var interrupt = cancel.Register(static db => raw.sqlite3_interrupt((sqlite3)db!), _db);
            try
            {
                for (var i = 0; i < parameters.Count; i++) Bind(statement, slots[i], parameters[i]);
                var rows = new List<T>();
                var row = new SqlRow(statement);
                int rc;
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW) rows.Add(read(row));
                if (rc == raw.SQLITE_INTERRUPT) throw new OperationCanceledException(cancel);
                Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
                return rows;
            }
            finally
            {
                raw.sqlite3_reset(statement);
                raw.sqlite3_clear_bindings(statement);
            }
        }

        /// <summary>The statement of a text, prepared once, and the SQLite index of each parameter @pN (SQLite numbers them as they appear).</summary>
        private (sqlite3_stmt, int[]) Prepared(string sql, int parameterCount)
        {
            if (_statements.TryGetValue(sql, out var prepared)) return prepared;
            if (_statements.Count >= MaxStatementsPerConnection) FinalizeStatements();
            Check(raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out var statement, out _));
            var slots = new int[parameterCount];
            for (var i = 0; i < parameterCount; i++) slots[i] = raw.sqlite3_bind_parameter_index(statement, "@p" + i);
            return _statements[sql] = (statement, slots);
        }

        private static void Bind(sqlite3_stmt statement, int slot, object? value) => _ = value switch
        {
            null => raw.sqlite3_bind_null(statement, slot),
            string s => raw.sqlite3_bind_text(statement, slot, s),
            int i => raw.sqlite3_bind_int(statement, slot, i),
            long l => raw.sqlite3_bind_int64(statement, slot, l),
            double d => raw.sqlite3_bind_double(statement, slot, d),
            bool b => raw.sqlite3_bind_int(statement, slot, b ? 1 : 0),
            _ => throw new NotSupportedException($"A parameter of type {value.GetType().Name}."),
        };

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
        }

        private void FinalizeStatements()
        {
            foreach (var (statement, _) in _statements.Values) statement.Dispose();
            _statements.Clear();
        }

        public void Dispose()
        {
            FinalizeStatements();
            _db.Dispose();
        }
    }
}
