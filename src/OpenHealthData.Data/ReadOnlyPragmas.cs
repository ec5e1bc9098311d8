using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenHealthData.Data;

/// <summary>
/// Settings for a database that is only ever read: no statement may write (query_only), and pages are read
/// through a memory map instead of read() calls.
/// </summary>
public sealed class ReadOnlyPragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA query_only = 1; PRAGMA mmap_size = 1073741824; PRAGMA temp_store = MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
