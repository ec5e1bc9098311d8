using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenHealthData.Api.Storage;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Storage;

/// <summary>
/// The snapshot's database file is the built database under a second name (a hard link where the file system allows
/// it): a snapshot never changes, so rebuilding the database from other seed data must leave the published file as
/// its manifest describes it.
/// </summary>
public sealed class SnapshotDatabaseFileTests : IDisposable
{
    private readonly TempFolder _folder = RepoPaths.NewTempFolder();
    private string Seed => Path.Combine(_folder.Path, "seed-data");
    private string Database => Path.Combine(_folder.Path, "data", "ohd.db");

    public SnapshotDatabaseFileTests() => RepoPaths.CopySeedData(Seed);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_rebuild_from_other_seed_data_leaves_the_published_database_file_as_it_was()
    {
        var store = new SnapshotStore(Options.Create(new DataOptions { SeedDirectory = Seed, DatabasePath = Database }), NullLogger<SnapshotStore>.Instance);
        var first = await Build(store);
        var published = store.PathOf(first, store.Find(first)!.Files.Single(f => $"{f.Dataset}.{f.Format}" == SnapshotStore.DatabaseFile), "");
        var described = store.Find(first)!.Files.Single(f => $"{f.Dataset}.{f.Format}" == SnapshotStore.DatabaseFile).Sha256;
        Assert.Equal(described, Sha256(published));
        Assert.Equal(described, Sha256(Database));

        // Other seed data: a metric's English name edited.
        var metrics = Directory.GetFiles(Path.Combine(Seed, "metrics"), "*.jsonl").Order(StringComparer.Ordinal).First();
        File.WriteAllText(metrics, File.ReadAllText(metrics).Replace("\"nameEn\": \"", "\"nameEn\": \"Edited: ", StringComparison.Ordinal));
        var second = await Build(store);

        Assert.NotEqual(first, second);
        Assert.NotEqual(described, Sha256(Database));
        Assert.Equal(described, Sha256(published));
    }

    /// <summary>Builds the database and publishes its snapshot, as the server's start does: the seed hash.</summary>
    private async Task<string> Build(SnapshotStore store)
    {
        PreparedSnapshot? prepared = null;
        var report = await new DatabaseBuilder().BuildAsync(Seed, Database, beside: async (seed, ct) => prepared = await store.PrepareAsync(seed, ct));
        await store.PublishAsync(prepared!, CancellationToken.None);
        return report.SeedHash;
    }

    private static string Sha256(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
