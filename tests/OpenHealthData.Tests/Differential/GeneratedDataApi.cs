using Microsoft.Data.Sqlite;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Differential;

/// <summary>
/// The API over a generated data set: the real seed's database, then, before the API starts, with every nullable
/// column missing in about a third of the rows (so every nullable reference is missing somewhere), and plain text
/// columns often replaced by re-cased, cut, empty, Unicode and pattern-like texts. Fixed random seed: the same data each run.
/// </summary>
public sealed class GeneratedDataApi : ApiFactory
{
    private static readonly string[] Texts = ["", "a", "A", "Ab", "ab", "AB", "a%b_", "%", "_", "\\", "*x?", "é", "É", "乐清", "乐清市", "🙂", "x🙂y", " "];

    public GeneratedDataApi()
    {
        HealthDatabase.EnsureCurrentAsync(RepoPaths.SeedData, DatabasePath).GetAwaiter().GetResult();
        var random = new Random(21);
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var shape in DataSet.Queried)
        {
            var table = SqlNames.Table(shape.ClrType).ToString();
            var key = SqlNames.Column(shape.KeyField.Selector).ToString();
            var keys = Query(connection, transaction, $"SELECT {key} FROM {table}");
            var foreignKeys = shape.References.Select(r => SqlNames.Member(r.ForeignKey)).ToHashSet();
            foreach (var field in shape.Scalars.Where(f => f != shape.KeyField))
            {
                var column = SqlNames.Column(field.Selector).ToString();
                var nullable = SqlNames.IsNullable(field.Selector);
                var plainText = field.Type == ColumnTypes.String && field.Kind == ScalarKind.Plain && !foreignKeys.Contains(SqlNames.Member(field.Selector));
                foreach (var row in keys)
                {
                    var roll = random.Next(100);
                    var sql = nullable && roll < 35 ? $"UPDATE {table} SET {column} = NULL WHERE {key} = $key"
                        : plainText && roll < 50 ? (roll % 4) switch
                        {
                            0 => $"UPDATE {table} SET {column} = upper({column}) WHERE {key} = $key",
                            1 => $"UPDATE {table} SET {column} = lower({column}) WHERE {key} = $key",
                            2 => $"UPDATE {table} SET {column} = substr({column}, 2) WHERE {key} = $key",
                            _ => $"UPDATE {table} SET {column} = $text WHERE {key} = $key",
                        }
                        : null;
                    if (sql is null) continue;
                    using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = sql;
                    command.Parameters.AddWithValue("$key", row);
                    if (sql.Contains("$text", StringComparison.Ordinal)) command.Parameters.AddWithValue("$text", Texts[random.Next(Texts.Length)]);
                    command.ExecuteNonQuery();
                }
            }
        }
        transaction.Commit();
    }

    private static List<string> Query(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }
}
