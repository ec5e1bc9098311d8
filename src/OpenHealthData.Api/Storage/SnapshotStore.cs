using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenHealthData.Api.Domain;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Storage;

/// <summary>
/// Snapshots: every dataset of one seed-data version, written once as files (plain, gzip and brotli) in a folder
/// named by the seed hash, and never changed after. Requests only stream files.
/// </summary>
public sealed class SnapshotStore(IOptions<DataOptions> options, IDbContextFactory<HealthDbContext> factory, ReferenceCache references, ILogger<SnapshotStore> logger)
{
    /// <summary>The formats every dataset is written in.</summary>
    public static readonly IReadOnlyList<string> Formats = ["json", "csv", "parquet"];

    /// <summary>The Frictionless Data Package descriptor of the snapshot.</summary>
    public const string DataPackageFile = "datapackage.json";

    /// <summary>The SQLite database itself, as the API reads it.</summary>
    public const string DatabaseFile = "openhealthdata.db";

    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["json"] = "application/json; charset=utf-8",
        ["csv"] = "text/csv; charset=utf-8; header=present",
        ["parquet"] = "application/vnd.apache.parquet",
        ["db"] = "application/vnd.sqlite3",
    };

    /// <summary>Text formats are also stored gzip- and brotli-compressed; Parquet and SQLite files are served as they are.</summary>
    public static bool IsCompressed(string format) => format is "json" or "csv";

    /// <summary>Whether <c>{dataset}.{format}</c> names a file that every snapshot has.</summary>
    public static bool IsFileName(string dataset, string format) =>
        $"{dataset}.{format}" is DataPackageFile or DatabaseFile || (Dataset.Find(dataset) is not null && Formats.Contains(format));

    private string Root => options.Value.SnapshotDirectory;

    /// <summary>Writes the snapshot of the current database unless it exists. Safe against a concurrent writer.</summary>
    public async Task EnsureAsync(string seedHash, CancellationToken ct)
    {
        var folder = Path.Combine(Root, seedHash);
        if (File.Exists(Path.Combine(folder, "manifest.json"))) return;
        var temp = Path.Combine(Root, $".{seedHash}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(temp);
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var files = new List<SnapshotFile>();
            var counts = new Dictionary<string, int>();
            var times = new List<string>(); // wall and CPU per dataset, for the log: where a slow snapshot spends its time
            var clock = Stopwatch.StartNew();
            // The figures as read for their own dataset, kept for the datasets made of them (Dataset.OfObservations).
            var keepFigures = Dataset.All.Any(d => d.OfObservations is not null);
            List<Observation>? figures = null;
            foreach (var dataset in Dataset.All)
            {
                var (started, cpu) = (clock.ElapsedMilliseconds, Environment.CpuUsage.TotalTime);
                // Rows stream from the database once for all formats: a million observations never sit in memory.
                // Each text file is hashed, gzipped and brotli-compressed on threads of its own while it is written.
                using var jsonHash = SHA256.Create();
                using var csvHash = SHA256.Create();
                await using var json = Open(Path.Combine(temp, $"{dataset.Name}.json"), jsonHash);
                await using var csv = Open(Path.Combine(temp, $"{dataset.Name}.csv"), csvHash);
                await using (var parquetFile = File.Create(Path.Combine(temp, $"{dataset.Name}.parquet")))
                await using (var parquet = await ParquetTableWriter.CreateAsync(parquetFile, dataset.Columns, ct))
                    counts[dataset.Name] = TableWriter.Write(json, csv, dataset.Columns, RowsOf(dataset), parquet.Add);
                await json.CompleteAsync();
                await csv.CompleteAsync();
                files.Add(Describe(temp, dataset.Name, "json", jsonHash));
                files.Add(Describe(temp, dataset.Name, "csv", csvHash));
                files.Add(await DescribeAsync(temp, DatasetFile(dataset.Name, "parquet"), ct));
                times.Add(Took(dataset.Name, clock.ElapsedMilliseconds - started, cpu));
            }

            figures = null;

            IEnumerable<object> RowsOf(Dataset dataset)
            {
                if (dataset.OfObservations is { } of && figures is not null) return of(figures, references);
                var rows = dataset.Rows(db, references);
                if (dataset.Name != Dataset.ObservationsName || !keepFigures) return rows;
                figures = [];
                return rows.Select(row => { figures.Add((Observation)row); return row; });
            }

            // The database file as it is: immutable like the rest, for sqlite3, Datasette or pandas.
            var (copied, copyCpu) = (clock.ElapsedMilliseconds, Environment.CpuUsage.TotalTime);
            File.Copy(options.Value.ResolvedDatabasePath, Path.Combine(temp, DatabaseFile));
            files.Add(await DescribeAsync(temp, DatabaseFile, ct));
            times.Add(Took("database file", clock.ElapsedMilliseconds - copied, copyCpu));

            using (var packageHash = SHA256.Create())
            {
                await using (var package = Open(Path.Combine(temp, DataPackageFile), packageHash))
                {
                    await JsonSerializer.SerializeAsync(package, DataPackage.Describe(seedHash, files, await db.Sources.OrderBy(s => s.Id).ToListAsync(ct)), DataPackage.JsonOptions, ct);
                    await package.CompleteAsync();
                }
                files.Add(Describe(temp, "datapackage", "json", packageHash));
            }

            var manifest = new SnapshotManifest(seedHash, DateTimeOffset.UtcNow, counts, files);
            await File.WriteAllTextAsync(Path.Combine(temp, "manifest.json"), JsonSerializer.Serialize(manifest), ct);
            try { Directory.Move(temp, folder); }
            catch (IOException) when (File.Exists(Path.Combine(folder, "manifest.json"))) { } // another process made it first
            logger.LogInformation("Wrote snapshot {Id}: {Counts} in {Ms} ms ({Times})", seedHash, string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}")),
                clock.ElapsedMilliseconds, string.Join(", ", times));
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    public IReadOnlyList<SnapshotManifest> List()
    {
        if (!Directory.Exists(Root)) return [];
        return [.. Directory.EnumerateDirectories(Root)
            .Select(d => Find(Path.GetFileName(d)))
            .OfType<SnapshotManifest>()
            .OrderByDescending(m => m.Created)];
    }

    /// <summary>A published snapshot never changes, so its manifest is read from disk once.</summary>
    public SnapshotManifest? Find(string id)
    {
        if (_manifests.TryGetValue(id, out var known)) return known;
        if (!IsId(id) || !File.Exists(Path.Combine(Root, id, "manifest.json"))) return null;
        return _manifests.GetOrAdd(id, JsonSerializer.Deserialize<SnapshotManifest>(File.ReadAllText(Path.Combine(Root, id, "manifest.json")))!);
    }

    /// <summary>The file of a snapshot in the encoding asked for ("" plain, "gzip", "br").</summary>
    public string PathOf(string id, SnapshotFile file, string encoding) =>
        Path.Combine(Root, id, file.Name) + encoding switch { "gzip" => ".gz", "br" => ".br", _ => "" };

    /// <summary>
    /// The file's bytes when it is small enough to serve from memory (the real data's files all are): copying
    /// from memory is what the fastest server does; large files are streamed from disk instead.
    /// </summary>
    public byte[]? InMemory(string path)
    {
        if (_files.TryGetValue(path, out var bytes)) return bytes;
        var length = new FileInfo(path).Length;
        if (length > MaxInMemoryFileBytes) return null;
        if (Interlocked.Add(ref _inMemoryBytes, length) > options.Value.SnapshotMemoryBytes)
        {
            Interlocked.Add(ref _inMemoryBytes, -length);
            return null;
        }
        return _files.GetOrAdd(path, File.ReadAllBytes);
    }

    private const long MaxInMemoryFileBytes = 4 * 1024 * 1024;
    private readonly ConcurrentDictionary<string, SnapshotManifest> _manifests = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private long _inMemoryBytes;

    /// <summary>Ids are seed hashes: twelve lower-case hex digits, nothing that could leave the folder.</summary>
    public static bool IsId(string id) => id.Length == 12 && id.All(char.IsAsciiHexDigitLower);

    private static FanOutStream Open(string path, HashAlgorithm hash) => new(
        new CryptoStream(File.Create(path), hash, CryptoStreamMode.Write), // writes the bytes through unchanged
        new GZipStream(File.Create(path + ".gz"), CompressionLevel.Optimal),
        new BrotliStream(File.Create(path + ".br"), CompressionLevel.Optimal));

    private static SnapshotFile Describe(string folder, string dataset, string format, HashAlgorithm hash) =>
        new(dataset, format, new FileInfo(Path.Combine(folder, $"{dataset}.{format}")).Length, Convert.ToHexStringLower(hash.Hash!));

    /// <summary>A file written without a hashing stream (Parquet needs to seek; the database is copied): hashed once after.</summary>
    private static async Task<SnapshotFile> DescribeAsync(string folder, string name, CancellationToken ct)
    {
        var path = Path.Combine(folder, name);
        await using var file = File.OpenRead(path);
        var dot = name.LastIndexOf('.');
        return new(name[..dot], name[(dot + 1)..], file.Length, Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct)));
    }

    private static string Took(string what, long ms, TimeSpan cpuBefore) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} {ms} ms (CPU {(int)(Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds} ms)");

    private static string DatasetFile(string dataset, string format) => $"{dataset}.{format}";
}
