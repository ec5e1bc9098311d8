using SQLitePCL;

namespace OpenHealthData.Data;

/// <summary>The current row of a statement <see cref="ReadConnections"/> runs: its columns by position.</summary>
public sealed class SqlRow
{
    private readonly sqlite3_stmt _statement;

    internal SqlRow(sqlite3_stmt statement) => _statement = statement;

    public bool IsDBNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;
    public string GetString(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();
    public int GetInt32(int column) => raw.sqlite3_column_int(_statement, column);
    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);
    public double GetDouble(int column) => raw.sqlite3_column_double(_statement, column);
    public bool GetBoolean(int column) => raw.sqlite3_column_int64(_statement, column) != 0;
}
