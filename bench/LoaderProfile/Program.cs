// Times the seed loader's phases at scale, and compression levels, without changing the product.
//
//   LoaderProfile read     SEED_DIR           where SeedReader.Read's time goes (parse vs. checks)
//   LoaderProfile ef       SEED_DIR DB_FILE   the loader before commit dc35397 (EF Core AddRange + SaveChanges), phase by phase
//   LoaderProfile raw      SEED_DIR DB_FILE   what dc35397 adopted: same reader and schema, prepared ADO.NET inserts in
//                                             one transaction, journal off, secondary indexes built after the load
//   LoaderProfile compress FILE               speed and ratio of gzip/brotli SmallestSize and Optimal on a 16 MB prefix
//
// Every phase prints:  PHASE <mode> <ms> <VmRSS MB> <VmHWM MB> <name>
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;
using OpenHealthData.Data.Seeding;

var mode = args[0];
switch (mode)
{
    case "read": Read(args[1]); break;
    case "ef": await Ef(args[1], args[2]); break;
    case "raw": await Raw(args[1], args[2]); break;
    case "compress": await CompressionLevels(args[1]); break;
    default: Console.Error.WriteLine("usage: LoaderProfile read SEED_DIR | ef|raw SEED_DIR DB_FILE | compress FILE"); return 2;
}
return 0;

static void Read(string seed)
{
    const string M = "read";
    Phase(M, "File.ReadLines + JsonDocument.Parse of every line, nothing else", () =>
    {
        var n = 0;
        foreach (var file in Directory.EnumerateFiles(seed, "*.jsonl", SearchOption.AllDirectories))
            foreach (var line in File.ReadLines(file))
                using (JsonDocument.Parse(line)) n++;
        return n;
    });
    var set = Phase(M, "SeedReader.Read (parse, map, validate, hash)", () => SeedReader.Read(seed));
    var texts = set.Sources.ToDictionary(s => s.Id, s => s.Text);
    Phase(M, "of which: quote check alone (source text.Contains(quote) for every observation)", () =>
        set.Observations.Count(o => texts[o.SourceId].Contains(o.Quote, StringComparison.Ordinal)));
    Phase(M, "of which: natural-key dictionary alone", () =>
        set.Observations.Select(o => (o.SourceId, o.MetricCode, o.RegionCode, o.Year, o.Kind, o.InstitutionId, o.ProgrammeId)).ToHashSet().Count);
}

static async Task Ef(string seed, string dbPath)
{
    const string M = "ef";
    Fresh(dbPath);
    Phase(M, "hash seed files (SeedHash.Compute; the product runs it twice)", () => SeedHash.Compute(seed));
    var set = Phase(M, "read + parse + validate (SeedReader.Read, includes one hash)", () => SeedReader.Read(seed));
    var options = new DbContextOptionsBuilder<HealthDbContext>()
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false }.ToString()).Options;
    await using var db = new HealthDbContext(options);
    await PhaseAsync(M, "EnsureCreated (schema)", () => db.Database.EnsureCreatedAsync());
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    Phase(M, "AddRange (change tracker)", () =>
    {
        db.AddRange(set.Regions); db.AddRange(set.Sources); db.AddRange(set.Metrics);
        db.AddRange(set.Institutions); db.AddRange(set.Programmes); db.AddRange(set.Observations);
        db.Info.AddRange(new DatabaseInfo { Key = DatabaseInfoKeys.SeedHash, Value = set.Hash },
            new DatabaseInfo { Key = DatabaseInfoKeys.BuiltAt, Value = "profile" });
        return 0;
    });
    await PhaseAsync(M, "SaveChanges (INSERTs + index maintenance)", () => db.SaveChangesAsync());
    await PhaseAsync(M, "PRAGMA journal_mode=DELETE", () => db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=DELETE"));
    await PhaseAsync(M, "VACUUM", () => db.Database.ExecuteSqlRawAsync("VACUUM"));
    Console.WriteLine($"FILE {M} {new FileInfo(dbPath).Length / 1048576.0:F0} MB");
}

static async Task Raw(string seed, string dbPath)
{
    const string M = "raw";
    Fresh(dbPath);
    var set = Phase(M, "read + parse + validate (SeedReader.Read, includes one hash)", () => SeedReader.Read(seed));
    var options = new DbContextOptionsBuilder<HealthDbContext>()
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false }.ToString()).Options;
    await using var db = new HealthDbContext(options);
    await PhaseAsync(M, "EnsureCreated (same schema)", () => db.Database.EnsureCreatedAsync());

    using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false, ForeignKeys = false }.ToString());
    conn.Open();
    // A temporary file renamed into place only when complete: no journal or fsync needed while writing it.
    Exec(conn, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
    var indexes = new List<(string Name, string Sql)>();
    using (var cmd = conn.CreateCommand())
    {
        cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL";
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) indexes.Add((reader.GetString(0), reader.GetString(1)));
    }
    Phase(M, $"drop {indexes.Count} secondary indexes", () => { foreach (var (name, _) in indexes) Exec(conn, $"DROP INDEX \"{name}\""); return 0; });
    Phase(M, "INSERT all rows (prepared, one transaction)", () =>
    {
        using var tx = conn.BeginTransaction();
        var rows = Insert(conn, tx, db.Model, set.Regions) + Insert(conn, tx, db.Model, set.Sources) + Insert(conn, tx, db.Model, set.Metrics)
            + Insert(conn, tx, db.Model, set.Institutions) + Insert(conn, tx, db.Model, set.Programmes) + Insert(conn, tx, db.Model, set.Observations)
            + Insert(conn, tx, db.Model, [new DatabaseInfo { Key = DatabaseInfoKeys.SeedHash, Value = set.Hash },
                new DatabaseInfo { Key = DatabaseInfoKeys.BuiltAt, Value = "profile" }]);
        tx.Commit();
        return rows;
    });
    Phase(M, $"CREATE the {indexes.Count} indexes", () => { foreach (var (_, sql) in indexes) Exec(conn, sql); return 0; });
    Phase(M, "PRAGMA foreign_key_check (must be empty)", () =>
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA foreign_key_check";
        using var reader = cmd.ExecuteReader();
        if (reader.Read()) throw new InvalidOperationException($"foreign key violation in {reader.GetString(0)}");
        return 0;
    });
    Exec(conn, "PRAGMA journal_mode=DELETE");
    Console.WriteLine($"FILE {M}-before-vacuum {new FileInfo(dbPath).Length / 1048576.0:F0} MB");
    Phase(M, "VACUUM (optional)", () => { Exec(conn, "VACUUM"); return 0; });
    Console.WriteLine($"FILE {M} {new FileInfo(dbPath).Length / 1048576.0:F0} MB");
}

static int Insert<T>(SqliteConnection conn, SqliteTransaction tx, IModel model, IEnumerable<T> rows) where T : class
{
    var type = model.FindEntityType(typeof(T))!;
    var props = type.GetProperties().ToList();
    using var cmd = conn.CreateCommand();
    cmd.Transaction = tx;
    cmd.CommandText = $"INSERT INTO \"{type.GetTableName()}\" ({string.Join(", ", props.Select(p => $"\"{p.GetColumnName()}\""))}) " +
                      $"VALUES ({string.Join(", ", props.Select((_, i) => $"$p{i}"))})";
    var parameters = props.Select((_, i) => cmd.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value))).ToArray();
    var getters = props.Select(p => Getter(p.PropertyInfo!)).ToArray();
    cmd.Prepare();
    var count = 0;
    foreach (var row in rows)
    {
        for (var i = 0; i < getters.Length; i++) parameters[i].Value = getters[i](row) ?? DBNull.Value;
        cmd.ExecuteNonQuery();
        count++;
    }
    return count;
}

static Func<object, object?> Getter(PropertyInfo property)
{
    var o = Expression.Parameter(typeof(object));
    return Expression.Lambda<Func<object, object?>>(
        Expression.Convert(Expression.Property(Expression.Convert(o, property.DeclaringType!), property), typeof(object)), o).Compile();
}

static async Task CompressionLevels(string file)
{
    // What each compression level costs on this data: the first 16 MB of the file.
    var sample = new byte[16 << 20];
    await using (var input = File.OpenRead(file)) sample = sample[..await input.ReadAtLeastAsync(sample, sample.Length, false)];
    foreach (var (name, make) in new (string, Func<Stream, Stream>)[]
    {
        ("gzip SmallestSize", s => new GZipStream(s, CompressionLevel.SmallestSize, leaveOpen: true)),
        ("brotli SmallestSize (quality 11)", s => new BrotliStream(s, CompressionLevel.SmallestSize, leaveOpen: true)),
        ("gzip Optimal", s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true)),
        ("brotli Optimal", s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true)),
    })
    {
        var output = new MemoryStream();
        var clock = Stopwatch.StartNew();
        using (var z = make(output)) z.Write(sample);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"COMPRESS {sample.Length / 1048576.0:F1}MB {clock.Elapsed.TotalSeconds:F2}s {sample.Length / 1048576.0 / clock.Elapsed.TotalSeconds:F1}MB/s ratio={output.Length / (double)sample.Length:F3} {name}"));
    }
}

static void Fresh(string dbPath)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(dbPath))!);
    foreach (var f in new[] { dbPath, dbPath + "-wal", dbPath + "-shm", dbPath + "-journal" }) File.Delete(f);
}

static void Exec(SqliteConnection conn, string sql)
{
    using var cmd = conn.CreateCommand();
    cmd.CommandText = sql;
    cmd.ExecuteNonQuery();
}

static T Phase<T>(string mode, string name, Func<T> run)
{
    var clock = Stopwatch.StartNew();
    var result = run();
    Report(mode, name, clock);
    return result;
}

static async Task PhaseAsync<T>(string mode, string name, Func<Task<T>> run)
{
    var clock = Stopwatch.StartNew();
    await run();
    Report(mode, name, clock);
}

static void Report(string mode, string name, Stopwatch clock)
{
    var status = File.ReadAllLines("/proc/self/status");
    double Mb(string key) => long.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PHASE {mode} {clock.ElapsedMilliseconds} {Mb("VmRSS:"):F0} {Mb("VmHWM:"):F0} {name}"));
}
