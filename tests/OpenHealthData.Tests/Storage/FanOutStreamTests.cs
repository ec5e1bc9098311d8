using System.IO.Compression;
using System.Text;
using OpenHealthData.Api.Storage;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Storage;

public sealed class FanOutStreamTests
{
    [Fact]
    public async Task Every_target_gets_every_byte_in_order()
    {
        var data = new byte[1_000_003];
        new Random(1).NextBytes(data);
        var targets = new[] { new MemoryStream(), new MemoryStream(), new MemoryStream() };
        await using (var fanOut = new FanOutStream(targets))
        {
            for (int i = 0, size = 1; i < data.Length; i += size, size = size * 7 % 300_001 + 1)
                fanOut.Write(data, i, Math.Min(size, data.Length - i));
            await fanOut.CompleteAsync();
        }
        Assert.All(targets, target => Assert.Equal(data, target.ToArray()));
    }

    [Fact]
    public async Task A_failing_target_fails_the_completion_without_stopping_the_writer()
    {
        var good = new MemoryStream();
        await using var fanOut = new FanOutStream(good, new FailingStream());
        var block = new byte[1 << 20];
        for (var i = 0; i < 20; i++) fanOut.Write(block); // more than the queue of a target holds
        await Assert.ThrowsAsync<IOException>(fanOut.CompleteAsync);
        Assert.Equal(20 << 20, good.ToArray().Length);
    }

    [Fact]
    public async Task Gzip_through_it_is_byte_for_byte_the_gzip_of_the_file_copied()
    {
        // Deflate's output depends on how its input is cut; snapshot files must not change with the way they are made.
        using var folder = RepoPaths.NewTempFolder();
        var data = Encoding.UTF8.GetBytes(string.Join(",", Enumerable.Range(0, 300_000).Select(i => i * 7919 % 100_003)));
        await File.WriteAllBytesAsync(folder.File("plain"), data);
        var copied = new MemoryStream();
        await using (var source = File.OpenRead(folder.File("plain")))
        await using (var gzip = new GZipStream(copied, CompressionLevel.Optimal))
            await source.CopyToAsync(gzip);

        var fannedOut = new MemoryStream();
        await using (var fanOut = new FanOutStream(new GZipStream(fannedOut, CompressionLevel.Optimal)))
        {
            for (var i = 0; i < data.Length; i += 1000) fanOut.Write(data, i, Math.Min(1000, data.Length - i));
            await fanOut.CompleteAsync();
        }
        Assert.Equal(copied.ToArray(), fannedOut.ToArray());
    }

    private sealed class FailingStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("disk full");
    }
}
