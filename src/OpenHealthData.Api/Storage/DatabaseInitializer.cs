using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenHealthData.Data;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Api.Storage;

/// <summary>
/// Makes sure the database is current before the server takes requests: builds it from seed-data/ when it is
/// missing, unreadable or older than the seed data. A failure stops the start with a message that says why.
/// </summary>
public sealed class DatabaseInitializer(IOptions<DataOptions> options, IDbContextFactory<HealthDbContext> factory, SnapshotStore snapshots, ILogger<DatabaseInitializer> logger) : IHostedService, Serving.IDataVersion
{
    private DatabaseStatus? _status;
    public DatabaseStatus Status => _status ?? throw new InvalidOperationException("The database is not initialised yet.");
    public bool IsReady => _status is not null;
    public string DataVersion => Status.SeedHash;

    public async Task StartAsync(CancellationToken ct)
    {
        var data = options.Value;
        // A build writes the snapshot's dataset files from the seed data on the second core while SQLite writes the database.
        PreparedSnapshot? prepared = null;
        try
        {
            await HealthDatabase.EnsureCurrentAsync(data.ResolvedSeedDirectory, data.ResolvedDatabasePath, logger, ct,
                beside: async (seed, token) => { if (!snapshots.Exists(seed.Hash)) prepared = await snapshots.PrepareAsync(seed, token); });
        }
        catch (SeedValidationException e)
        {
            logger.LogCritical("Cannot start: the seed data in {Seed} is invalid.{NewLine}{Errors}", data.ResolvedSeedDirectory, Environment.NewLine, e.Message);
            throw;
        }
        catch
        {
            if (prepared is not null) SnapshotStore.Discard(prepared);
            throw;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var info = await db.Info.ToDictionaryAsync(i => i.Key, i => i.Value, ct);
        _status = new DatabaseStatus(info[DatabaseInfoKeys.SeedHash], info[DatabaseInfoKeys.BuiltAt], new Dictionary<string, int>
        {
            ["sources"] = await db.Sources.CountAsync(ct),
            ["regions"] = await db.Regions.CountAsync(ct),
            ["institutions"] = await db.Institutions.CountAsync(ct),
            ["programmes"] = await db.Programmes.CountAsync(ct),
            ["metrics"] = await db.Metrics.CountAsync(ct),
            ["observations"] = await db.Observations.CountAsync(ct),
        });
        if (prepared?.SeedHash == _status.SeedHash) await snapshots.PublishAsync(prepared, ct);
        else
        {
            if (prepared is not null) SnapshotStore.Discard(prepared);
            await snapshots.EnsureAsync(_status.SeedHash, ct);
        }
        logger.LogInformation("Serving {Path} read-only: seed-data {Hash}", data.ResolvedDatabasePath, _status.SeedHash);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
