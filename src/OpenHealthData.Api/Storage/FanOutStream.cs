using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace OpenHealthData.Api.Storage;

/// <summary>
/// A write-only stream that passes everything written to it on to several streams, in blocks of 128 KiB, each
/// target written on a thread of its own; it closes them at the end. The snapshot uses it to compress and hash
/// a file on the second core while the rows are still being read.
/// </summary>
internal sealed class FanOutStream : Stream
{
    // GZip's output depends on how its input is cut. Stream.CopyTo, which fed it before, reads 128 KiB at a time
    // (its pooled 80 KiB buffer is a 128 KiB array): the same blocks keep the .gz files byte for byte.
    private const int BlockSize = 128 * 1024;
    private const int QueuedBlocks = 16; // per target: the writer waits for a target 2 MiB behind
    private readonly (BlockingCollection<Block> Blocks, Task Written)[] _targets;
    private readonly ConcurrentQueue<Block> _free = new(); // blocks every target has written: 128 KiB arrays are costly to collect
    private Block _block = new();

    public FanOutStream(params Stream[] targets) => _targets = [.. targets.Select(target =>
    {
        var blocks = new BlockingCollection<Block>(QueuedBlocks);
        return (blocks, Task.Factory.StartNew(() => Drain(blocks, target), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
    })];

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var length = Math.Min(buffer.Length, BlockSize - _block.Length);
            buffer[..length].CopyTo(_block.Bytes.AsSpan(_block.Length));
            _block.Length += length;
            buffer = buffer[length..];
            if (_block.Length == BlockSize) Pass();
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>Passes on the rest, waits until every target has written everything and closed, and throws the first failure of a target.</summary>
    public async Task CompleteAsync()
    {
        if (_block.Length > 0) Pass();
        foreach (var (blocks, _) in _targets) blocks.CompleteAdding();
        await Task.WhenAll(_targets.Select(t => t.Written));
    }

    /// <summary>Without <see cref="CompleteAsync"/> (the writer failed): lets the targets finish and close, and ignores their failures.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
            foreach (var (blocks, written) in _targets)
            {
                if (!blocks.IsAddingCompleted) blocks.CompleteAdding();
                try { written.Wait(); }
                catch (AggregateException) { } // CompleteAsync reports them
                blocks.Dispose();
            }
        base.Dispose(disposing);
    }

    private void Pass()
    {
        _block.Pending = _targets.Length;
        foreach (var (blocks, _) in _targets) blocks.Add(_block);
        _block = _free.TryDequeue(out var free) ? free : new Block();
        _block.Length = 0;
    }

    private void Drain(BlockingCollection<Block> blocks, Stream target)
    {
        // After a failure the blocks are still taken, so that the writer never waits on a full queue.
        ExceptionDispatchInfo? failure = null;
        using (target)
            foreach (var block in blocks.GetConsumingEnumerable())
            {
                try { if (failure is null) target.Write(block.Bytes, 0, block.Length); }
                catch (Exception e) { failure = ExceptionDispatchInfo.Capture(e); }
                if (Interlocked.Decrement(ref block.Pending) == 0) _free.Enqueue(block);
            }
        failure?.Throw();
    }

    private sealed class Block
    {
        public readonly byte[] Bytes = new byte[BlockSize];
        public int Length;
        public int Pending; // targets that have yet to write it
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { } // the targets are flushed when they close
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
