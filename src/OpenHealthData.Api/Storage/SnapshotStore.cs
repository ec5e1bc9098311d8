using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OpenHealthData.Data;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Api.Storage;

/// <summary>
/// Snapshots: every dataset of one seed-data version, written once as files (plain, gzip and brotli) in a folder
/// named by the seed hash, and never changed after. Requests only stream files.
/// </summary>
public sealed class SnapshotStore(IOptions<DataOptions> options, ILogger<SnapshotStore> logger)
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

    /// <summary>Whether the snapshot of this seed data is published.</summary>
    public bool Exists(string seedHash) => File.Exists(Path.Combine(Root, seedHash, "manifest.json"));

    /// <summary>
    /// Writes the snapshot of the current database unless it exists, from the seed data the database was built from
    /// (read again: this happens only when a snapshot folder was removed). Safe against a concurrent writer.
    /// </summary>
    public async Task EnsureAsync(string seedHash, CancellationToken ct)
    {
        if (Exists(seedHash)) return;
        var seed = SeedReader.Read(options.Value.ResolvedSeedDirectory);
        if (seed.Hash != seedHash)
            throw new InvalidOperationException($"The seed data in {options.Value.ResolvedSeedDirectory} is {seed.Hash} but the database was built from {seedHash}: seed the database again.");
        await PublishAsync(await PrepareAsync(seed, ct), ct);
    }

    /// <summary>
    /// Writes every dataset of the seed data (JSON, CSV, Parquet, and the text files gzipped and brotli-compressed)
    /// into a temporary folder: everything of a snapshot that needs no database, so the seed writes it on the second
    /// core while the database is built. <see cref="PublishAsync"/> adds the database file and publishes it.
    /// </summary>
    public async Task<PreparedSnapshot> PrepareAsync(SeedSet seed, CancellationToken ct)
    {
        var temp = Path.Combine(Root, $".{seed.Hash}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(temp);
        var prepared = new PreparedSnapshot(seed.Hash, temp, [.. seed.Sources.OrderBy(s => s.Id, SqliteTextOrder.Instance)]);
        try
        {
            foreach (var dataset in Dataset.All)
            {
                ct.ThrowIfCancellationRequested();
                var (clock, cpu) = (Stopwatch.StartNew(), Environment.CpuUsage.TotalTime);
                // Rows are read once for all formats, and each text file is hashed, gzipped and brotli-compressed on
                // threads of its own while it is written.
                using var jsonHash = SHA256.Create();
                using var csvHash = SHA256.Create();
                await using var json = Open(Path.Combine(temp, $"{dataset.Name}.json"), jsonHash);
                await using var csv = Open(Path.Combine(temp, $"{dataset.Name}.csv"), csvHash);
                await using (var parquetFile = File.Create(Path.Combine(temp, $"{dataset.Name}.parquet")))
                await using (var parquet = await ParquetTableWriter.CreateAsync(parquetFile, dataset.Columns, ct))
                    prepared.Counts[dataset.Name] = TableWriter.Write(json, csv, dataset.Columns, dataset.Rows(seed), parquet.Add);
                await json.CompleteAsync();
                await csv.CompleteAsync();
                prepared.Files.Add(Describe(temp, dataset.Name, "json", jsonHash));
                prepared.Files.Add(Describe(temp, dataset.Name, "csv", csvHash));
                prepared.Files.Add(await DescribeAsync(temp, DatasetFile(dataset.Name, "parquet"), ct));
                prepared.Times.Add(Took(dataset.Name, clock.ElapsedMilliseconds, cpu));
            }
            return prepared;
        }
        catch
        {
            Discard(prepared);
            throw;
        }
    }

    /// <summary>
    /// Adds the database file as it is now and the data package to a prepared snapshot, and publishes it under its
    /// seed hash (unless another process did first). The folder is gone afterwards either way.
    /// </summary>
    public async Task PublishAsync(PreparedSnapshot prepared, CancellationToken ct)
    {
        var (seedHash, temp) = (prepared.SeedHash, prepared.Folder);
        try
        {
            // The database file as it is: immutable like the rest, for sqlite3, Datasette or pandas. The server only
            // reads it, so a second name for the same file does (a copy took seconds at a million figures).
            var (clock, copyCpu) = (Stopwatch.StartNew(), Environment.CpuUsage.TotalTime);
            var database = Path.Combine(temp, DatabaseFile);
            if (!HardLink.TryCreate(options.Value.ResolvedDatabasePath, database)) File.Copy(options.Value.ResolvedDatabasePath, database);
            prepared.Files.Add(await DescribeAsync(temp, DatabaseFile, ct));
            prepared.Times.Add(Took("database file", clock.ElapsedMilliseconds, copyCpu));

            using (var packageHash = SHA256.Create())
            {
                await using (var package = Open(Path.Combine(temp, DataPackageFile), packageHash))
                {
                    await JsonSerializer.SerializeAsync(package, DataPackage.Describe(seedHash, prepared.Files, prepared.Sources), DataPackage.JsonOptions, ct);
                    await package.CompleteAsync();
                }
                prepared.Files.Add(Describe(temp, "datapackage", "json", packageHash));
            }

            var manifest = new SnapshotManifest(seedHash, DateTimeOffset.UtcNow, prepared.Counts, prepared.Files);
            await File.WriteAllTextAsync(Path.Combine(temp, "manifest.json"), JsonSerializer.Serialize(manifest), ct);
            try { Directory.Move(temp, Path.Combine(Root, seedHash)); }
            catch (IOException) when (Exists(seedHash)) { } // another process made it first
            logger.LogInformation("Wrote snapshot {Id}: {Counts} ({Times})", seedHash,
                string.Join(", ", prepared.Counts.Select(c => $"{c.Value} {c.Key}")), string.Join(", ", prepared.Times));
        }
        finally
        {
            Discard(prepared);
        }
    }

    /// <summary>Removes what is left of a prepared snapshot that was not published.</summary>
    public static void Discard(PreparedSnapshot prepared)
    {
        if (Directory.Exists(prepared.Folder)) Directory.Delete(prepared.Folder, recursive: true);
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
        // zlib level 5: the size of level 6 (Optimal) within 1 % on these files, at two thirds of its CPU (seconds at a million figures).
        new GZipStream(File.Create(path + ".gz"), new ZLibCompressionOptions { CompressionLevel = 5 }),
        // Brotli quality 3, not 4 (Optimal): a quarter less CPU for files 5 % larger, still 5 % smaller than the gzip ones
        // (observations.json at a million figures: brotli 4 took 0.84 s per 300 MB, 3 took 0.61 s; 4.42 vs 4.66 % of the size).
        new BrotliStream(File.Create(path + ".br"), new BrotliCompressionOptions { Quality = 3 }));

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
