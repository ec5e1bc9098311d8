using FsCheck;
using FsCheck.Fluent;
using Microsoft.Data.Sqlite;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Tests.Seeding;

/// <summary>
/// The database builder's positional INSERT stores every value exactly as SqliteCommand does (the oracle): the same
/// rows through both into two tables of one database, compared as SQLite quotes them (type and value).
/// </summary>
public class BulkInsertTests
{
    private static readonly Gen<object?> Value = Gen.OneOf(
        Gen.Constant<object?>(null),
        ArbMap.Default.GeneratorFor<string>().Select(s => (object?)s),
        Gen.Elements<object?>("", "乐清市双向转诊 29,162 人次", "a\0b", "\U0001F600 emoji", "'; DROP TABLE t; --"),
        ArbMap.Default.GeneratorFor<int>().Select(n => (object?)n),
        ArbMap.Default.GeneratorFor<long>().Select(n => (object?)n),
        ArbMap.Default.GeneratorFor<bool>().Select(b => (object?)b),
        ArbMap.Default.GeneratorFor<double>().Select(d => (object?)d),
        Gen.Elements<object?>(0.1, -0.0, double.MaxValue, double.Epsilon, 90.45));

    [Fact]
    public void StoresWhatSqliteCommandStores()
    {
        var rows = Gen.ArrayOf(Gen.ArrayOf(Value, 3)).Select(r => r);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true), Prop.ForAll(Arb.From(rows), batch =>
        {
            using var connection = Open("CREATE TABLE a (x, y, z); CREATE TABLE b (x, y, z)");
            // Each row's outcome too: a value SqliteCommand refuses (NaN) is refused the same way.
            var bulkOutcomes = new List<string>();
            using (var bulk = new BulkInsert(connection, "INSERT INTO a (x, y, z) VALUES (?, ?, ?)"))
                foreach (var row in batch)
                    bulkOutcomes.Add(Outcome(() =>
                    {
                        for (var i = 0; i < 3; i++) bulk.Bind(i, row[i]);
                        bulk.Execute();
                    }));
            var commandOutcomes = new List<string>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "INSERT INTO b (x, y, z) VALUES ($x, $y, $z)";
                foreach (var row in batch)
                    commandOutcomes.Add(Outcome(() =>
                    {
                        command.Parameters.Clear();
                        command.Parameters.AddWithValue("$x", row[0] ?? DBNull.Value);
                        command.Parameters.AddWithValue("$y", row[1] ?? DBNull.Value);
                        command.Parameters.AddWithValue("$z", row[2] ?? DBNull.Value);
                        command.ExecuteNonQuery();
                    }));
            }
            Assert.Equal(commandOutcomes, bulkOutcomes);
            Assert.Equal(Rows(connection, "b"), Rows(connection, "a"));
        }));
    }

    [Fact]
    public void AFailedRowSaysWhyAndTheNextRowGoesIn()
    {
        using var connection = Open("CREATE TABLE t (id TEXT PRIMARY KEY)");
        using var bulk = new BulkInsert(connection, "INSERT INTO t (id) VALUES (?)");
        bulk.Bind(0, "a");
        bulk.Execute();
        var e = Assert.Throws<SqliteException>(bulk.Execute);
        Assert.Contains("UNIQUE constraint failed: t.id", e.Message);
        bulk.Bind(0, "b");
        bulk.Execute();
        Assert.Equal(["'a'", "'b'"], Rows(connection, "t"));
    }

    [Fact]
    public void RefusesWhatItCannotStoreAndBadSql()
    {
        using var connection = Open("CREATE TABLE t (x)");
        using var bulk = new BulkInsert(connection, "INSERT INTO t (x) VALUES (?)");
        Assert.Contains("Parameter 0 is a DateTime", Assert.Throws<NotSupportedException>(() => bulk.Bind(0, DateTime.UnixEpoch)).Message);
        Assert.Contains("no such table: nowhere", Assert.Throws<SqliteException>(() => new BulkInsert(connection, "INSERT INTO nowhere VALUES (?)")).Message);
    }

    private static string Outcome(Action insert)
    {
        try { insert(); return "stored"; }
        catch (Exception e) { return $"{e.GetType().Name}: {e.Message}"; }
    }

    /// <summary>An in-memory database with the tables made by <paramref name="schema"/>.</summary>
    private static SqliteConnection Open(string schema)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = schema;
        command.ExecuteNonQuery();
        return connection;
    }

    private static List<string> Rows(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {(table == "t" ? "quote(id)" : "quote(x) || ',' || quote(y) || ',' || quote(z) || ',' || typeof(x) || typeof(y) || typeof(z)")} FROM {table} ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }
}
