using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OpenHealthData.Data.Seeding;

/// <summary>
/// One prepared INSERT run for many rows through SQLite's own API, its parameters bound by position. A build inserts
/// millions of rows; through SqliteCommand each row bound every parameter by name again (SQLite looks a name up by
/// comparing it with every other one), which was a third of the database thread's time at a million figures.
/// Values are stored as SqliteCommand stores them: text, 64-bit integers (booleans as 0 and 1), reals (not NaN) and nulls.
/// </summary>
public sealed class BulkInsert : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    /// <param name="connection">An open connection; its transaction, if any, is the statement's.</param>
    /// <param name="sql">The statement, with its parameters written <c>?</c> (numbered from 0 in <see cref="Bind"/>).</param>
    public BulkInsert(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement), sql);
    }

    public void Bind(int parameter, object? value)
    {
        var index = parameter + 1;
        Check(value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, index),
            string text => raw.sqlite3_bind_text(_statement, index, text), // UTF-8 as SqliteCommand makes it (a lone surrogate becomes U+FFFD)
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
            double number when double.IsNaN(number) => throw new InvalidOperationException("Cannot store 'NaN' values."), // as SqliteCommand refuses it
            double number => raw.sqlite3_bind_double(_statement, index, number),
            _ => throw new NotSupportedException($"Parameter {parameter} is a {value.GetType().Name}: the database builder writes only text, whole numbers, reals and booleans."),
        }, null);
    }

    /// <summary>Inserts the row bound; the statement is ready for the next one after, also when this one failed.</summary>
    public void Execute()
    {
        var result = raw.sqlite3_step(_statement);
        var message = result == raw.SQLITE_DONE ? null : raw.sqlite3_errmsg(_db).utf8_to_string();
        raw.sqlite3_reset(_statement);
        if (message is not null) throw new SqliteException($"SQLite Error {result}: '{message}'.", result);
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int result, string? sql)
    {
        if (result != raw.SQLITE_OK)
            throw new SqliteException($"SQLite Error {result}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'{(sql is null ? "" : $" in {sql}")}.", result);
    }
}
