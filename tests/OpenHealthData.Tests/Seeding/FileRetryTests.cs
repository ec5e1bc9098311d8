using Microsoft.Extensions.Logging;
using OpenHealthData.Data;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Seeding;

/// <summary>The builder's one retry: moving the finished database over a target that cannot be replaced yet.</summary>
public sealed class FileRetryTests : IDisposable
{
    private readonly TestSeed _seed = new();

    public void Dispose() => _seed.Dispose();

    [Fact]
    public async Task A_target_that_frees_up_is_replaced_after_a_retry()
    {
        // The target is taken by a folder (the rename fails with an IOException, as it does on Windows while a
        // reader holds the old file); the first retry's warning frees it, so the next attempt succeeds.
        Directory.CreateDirectory(Path.Combine(_seed.DatabasePath, "held"));
        var warnings = new List<string>();
        var logger = new CallbackLogger((level, message) =>
        {
            if (level != LogLevel.Warning) return;
            warnings.Add(message);
            Directory.Delete(_seed.DatabasePath, recursive: true);
        });

        await new DatabaseBuilder(logger).BuildAsync(_seed.Directory, _seed.DatabasePath);

        Assert.Single(warnings);
        Assert.Contains("busy", warnings[0]);
        Assert.Equal(SeedHash.Compute(_seed.Directory), HealthDatabase.ReadSeedHash(_seed.DatabasePath));
    }

    [Fact]
    public void Only_file_errors_are_retried()
    {
        var pipeline = new DatabaseBuilder().FileRetry;
        var attempts = 0;
        pipeline.Execute(() => { if (++attempts < 3) throw new IOException("in use"); });
        Assert.Equal(3, attempts);

        attempts = 0;
        Assert.Throws<InvalidOperationException>(() => pipeline.Execute(() => { attempts++; throw new InvalidOperationException("a bug"); }));
        Assert.Equal(1, attempts);
    }
}
