using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Seeding;

public sealed class SeedLoaderTests : IDisposable
{
    private readonly TestSeed _seed = new();

    public void Dispose() => _seed.Dispose();

    [Fact]
    public async Task Builds_a_database_with_every_record_and_the_seed_hash()
    {
        var report = await new DatabaseBuilder().BuildAsync(_seed.Directory, _seed.DatabasePath);

        await using var db = Open(_seed.DatabasePath);
        Assert.Equal(9, await db.Regions.CountAsync());
        Assert.Equal("100000", (await db.Regions.SingleAsync(r => r.Code == "360000")).ParentCode);
        Assert.Equal(5, await db.Sources.CountAsync());
        var observations = await db.Observations.OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(["t-001", "t-002"], observations.Select(o => o.Id));
        Assert.Equal(3.41, observations[0].Value);
        Assert.Equal("330300", (await db.Regions.SingleAsync(r => r.Code == "330382")).ParentCode);
        Assert.Equal(SeedHash.Compute(_seed.Directory), report.SeedHash);
        Assert.Equal(report.SeedHash, HealthDatabase.ReadSeedHash(_seed.DatabasePath));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(_seed.DatabasePath)!, "*.tmp"));
    }

    public static TheoryData<string, string[], string> InvalidRecords => new()
    {
        // what is broken, the observation lines, the message expected (file:line record field: message)
        { "unknown region", [TestSeed.With(TestSeed.ObservationA, "region", "999999")],
            "observations/test.jsonl:1 record 't-001' field 'region': refers to unknown region \"999999\"" },
        { "unknown metric", [TestSeed.With(TestSeed.ObservationA, "metric", "no_such_metric")],
            "observations/test.jsonl:1 record 't-001' field 'metric': refers to unknown metric \"no_such_metric\"" },
        { "unknown source", [TestSeed.With(TestSeed.ObservationA, "source", "no-such-report")],
            "observations/test.jsonl:1 record 't-001' field 'source': refers to unknown source \"no-such-report\"" },
        { "duplicate key", [TestSeed.ObservationA, TestSeed.With(TestSeed.ObservationB, "id", "t-001")],
            "observations/test.jsonl:2 record 't-001': duplicate observation id \"t-001\" (first at observations/test.jsonl:1)" },
        { "duplicate natural key", [TestSeed.ObservationA, TestSeed.With(TestSeed.With(TestSeed.ObservationB, "year", 2023), "kind", "actual")],
            "observations/test.jsonl:2 record 't-002': has the same (source, metric, dimensions, region, year, kind, institution, programme) as observations/test.jsonl:1" },
        { "missing field", [TestSeed.With(TestSeed.ObservationA, "quote", null)],
            "observations/test.jsonl:1 record 't-001' field 'quote': is required" },
        { "value not a number", [TestSeed.With(TestSeed.ObservationA, "value", "3.41")],
            "observations/test.jsonl:1 record 't-001' field 'value': must be a number, found \"3.41\"" },
        { "year not a whole number", [TestSeed.With(TestSeed.ObservationA, "year", 2023.5)],
            "observations/test.jsonl:1 record 't-001' field 'year': must be a whole number, found 2023.5" },
        { "year out of range", [TestSeed.With(TestSeed.ObservationA, "year", 1999)],
            "observations/test.jsonl:1 record 't-001' field 'year': 1999 is out of range 2000–2035" },
        { "unknown kind", [TestSeed.With(TestSeed.ObservationA, "kind", "estimate")],
            "observations/test.jsonl:1 record 't-001' field 'kind': \"estimate\" is not one of: actual, target, change" },
        { "quote not in source", [TestSeed.With(TestSeed.ObservationA, "quote", "千人医师数3.42人")],
            "observations/test.jsonl:1 record 't-001' field 'quote': does not occur verbatim in source 'yueqing-2023-work-summary'" },
        { "number not in quote", [TestSeed.With(TestSeed.ObservationA, "valueAsWritten", "3.42人")],
            "observations/test.jsonl:1 record 't-001' field 'valueAsWritten': \"3.42人\" does not occur in the quote" },
        { "unit differs from metric", [TestSeed.With(TestSeed.ObservationA, "unit", "percent")],
            "observations/test.jsonl:1 record 't-001' field 'unit': \"percent\" differs from the unit of metric 'physicians_per_1000'" },
        { "unknown field", [TestSeed.With(TestSeed.ObservationA, "valeu", 3)],
            "observations/test.jsonl:1 record 't-001' field 'valeu': is not a known field" },
        { "not JSON", ["{\"id\": \"t-001\","],
            "observations/test.jsonl:1: is not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(InvalidRecords))]
    public async Task Rejects_invalid_records_naming_file_record_and_field(string broken, string[] lines, string expected)
    {
        _seed.Write("observations/test.jsonl", lines);

        var error = await Assert.ThrowsAsync<SeedValidationException>(() => new DatabaseBuilder().BuildAsync(_seed.Directory, _seed.DatabasePath));

        Assert.True(error.Errors.Any(e => e.ToString().StartsWith(expected, StringComparison.Ordinal)),
            $"{broken}: expected an error starting with\n  {expected}\nbut got\n  {string.Join("\n  ", error.Errors)}");
        Assert.False(File.Exists(_seed.DatabasePath));
    }

    [Fact]
    public async Task Reports_every_error_of_a_run_not_only_the_first()
    {
        _seed.Write("observations/test.jsonl",
            TestSeed.With(TestSeed.ObservationA, "year", 1999), TestSeed.With(TestSeed.ObservationB, "region", "000001"));
        var error = await Assert.ThrowsAsync<SeedValidationException>(() => new DatabaseBuilder().BuildAsync(_seed.Directory, _seed.DatabasePath));
        Assert.Equal(2, error.Errors.Count);
    }

    [Fact]
    public async Task Rejects_an_unknown_parent_region_and_a_cycle()
    {
        var regions = File.ReadAllLines(Path.Combine(RepoPaths.SeedData, "regions", "regions.jsonl")).ToList();
        regions.Add("""{"code":"999901","nameZh":"甲","nameEn":"A","level":"county","parent":"999902"}""");
        regions.Add("""{"code":"999902","nameZh":"乙","nameEn":"B","level":"county","parent":"999901"}""");
        regions.Add("""{"code":"999903","nameZh":"丙","nameEn":"C","level":"county","parent":"123456"}""");
        _seed.Write("regions/regions.jsonl", [.. regions]);

        var error = await Assert.ThrowsAsync<SeedValidationException>(() => new DatabaseBuilder().BuildAsync(_seed.Directory, _seed.DatabasePath));

        Assert.Contains(error.Errors, e => e.Record == "999901" && e.Field == "parent" && e.Message.Contains("own ancestor"));
        Assert.Contains(error.Errors, e => e.Record == "999903" && e.Message == "refers to unknown parent \"123456\"");
    }

    [Fact]
    public async Task A_failing_load_leaves_the_previous_database_byte_identical()
    {
        await new DatabaseBuilder().BuildAsync(_seed.Directory, _seed.DatabasePath);
        var before = await File.ReadAllBytesAsync(_seed.DatabasePath);

        _seed.Write("observations/test.jsonl", TestSeed.ObservationA, TestSeed.With(TestSeed.ObservationB, "metric", "nope"));
        await Assert.ThrowsAsync<SeedValidationException>(() => new DatabaseBuilder().BuildAsync(_seed.Directory, _seed.DatabasePath));

        Assert.Equal(before, await File.ReadAllBytesAsync(_seed.DatabasePath));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(_seed.DatabasePath)!, "*.tmp"));
    }

    [Fact]
    public async Task A_write_that_fails_midway_leaves_the_previous_database_and_no_temporary_file()
    {
        await new DatabaseBuilder().BuildAsync(_seed.Directory, _seed.DatabasePath);
        var before = await File.ReadAllBytesAsync(_seed.DatabasePath);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new DatabaseBuilder().BuildAsync(_seed.Directory, _seed.DatabasePath, cancel.Token));

        Assert.Equal(before, await File.ReadAllBytesAsync(_seed.DatabasePath));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(_seed.DatabasePath)!, "*.tmp"));
    }

    [Fact]
    public async Task Retries_when_the_target_file_is_busy_then_succeeds()
    {
        // A directory where the database should go makes the final rename fail, as a locked file does on Windows.
        Directory.CreateDirectory(_seed.DatabasePath);
        var retries = 0;
        var builder = new DatabaseBuilder(new CallbackLogger(message =>
        {
            if (!message.Contains("retry", StringComparison.Ordinal)) return;
            if (Interlocked.Increment(ref retries) == 2) Directory.Delete(_seed.DatabasePath);
        }));

        await builder.BuildAsync(_seed.Directory, _seed.DatabasePath);

        Assert.True(retries >= 2);
        Assert.NotNull(HealthDatabase.ReadSeedHash(_seed.DatabasePath));
    }

    [Fact]
    public async Task Does_not_retry_validation_errors()
    {
        _seed.Write("observations/test.jsonl", TestSeed.With(TestSeed.ObservationA, "year", 1999));
        var retries = 0;
        var builder = new DatabaseBuilder(new CallbackLogger(m => { if (m.Contains("retry")) retries++; }));
        await Assert.ThrowsAsync<SeedValidationException>(() => builder.BuildAsync(_seed.Directory, _seed.DatabasePath));
        Assert.Equal(0, retries);
    }

    [Fact]
    public async Task EnsureCurrent_rebuilds_only_when_the_seed_data_changed_or_the_file_is_corrupt()
    {
        await HealthDatabase.EnsureCurrentAsync(_seed.Directory, _seed.DatabasePath);
        var first = File.GetLastWriteTimeUtc(_seed.DatabasePath);
        await Task.Delay(20);
        await HealthDatabase.EnsureCurrentAsync(_seed.Directory, _seed.DatabasePath);
        Assert.Equal(first, File.GetLastWriteTimeUtc(_seed.DatabasePath));

        _seed.Write("observations/test.jsonl", TestSeed.ObservationA);
        var hash = await HealthDatabase.EnsureCurrentAsync(_seed.Directory, _seed.DatabasePath);
        Assert.Equal(hash, HealthDatabase.ReadSeedHash(_seed.DatabasePath));
        await using (var db = Open(_seed.DatabasePath)) Assert.Equal(1, await db.Observations.CountAsync());

        SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(_seed.DatabasePath, "this is not a database");
        Assert.Null(HealthDatabase.ReadSeedHash(_seed.DatabasePath));
        await HealthDatabase.EnsureCurrentAsync(_seed.Directory, _seed.DatabasePath);
        Assert.Equal(hash, HealthDatabase.ReadSeedHash(_seed.DatabasePath));
    }

    [Fact]
    public async Task The_read_only_context_cannot_write()
    {
        await new DatabaseBuilder().BuildAsync(_seed.Directory, _seed.DatabasePath);
        var before = await File.ReadAllBytesAsync(_seed.DatabasePath);
        await using (var db = Open(_seed.DatabasePath))
        {
            db.Regions.Add(new Region { Code = "110000", NameZh = "北京市", NameEn = "Beijing", Level = "province" });
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.Contains("readonly", error.InnerException!.Message);
            await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM Observations"));
        }
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, await File.ReadAllBytesAsync(_seed.DatabasePath));
    }

    private static HealthDbContext Open(string path) => HealthDatabase.OpenReadOnly(path);
}
