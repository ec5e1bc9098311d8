using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenHealthData.Data;

/// <summary>
/// Settings for a database that is only ever read: no statement may write (query_only), and pages are read
/// through a memory map instead of read() calls. Pragmas belong to the SQLite connection, which the pool
/// reuses, so they run once per SQLite connection rather than on every open.
/// </summary>
public sealed class ReadOnlyPragmas : DbConnectionInterceptor
{
    internal const string Pragmas = "PRAGMA query_only = 1; PRAGMA mmap_size = 1073741824; PRAGMA temp_store = MEMORY;";
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsNew(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        if (!IsNew(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);
}
