using System.Collections.Concurrent;

namespace OpenHealthData.Data.Seeding;

/// <summary>
/// The search index's texts of every figure, analysed on a thread of its own (<see cref="SearchIndex.Analyse(SeedSet)"/>)
/// while the caller does other work; <see cref="Rows"/> takes them in order as they come. Disposing stops the analysis.
/// </summary>
public sealed class SearchTexts : IDisposable
{
    /// <summary>One figure's row of the index: its id and the terms of each column.</summary>
    public sealed record Row(string Id, string Metric, string Quote, string Sentence, string Context);

    // At most this many rows wait (about 1 KB each): the analysis runs ahead of the inserts, but a million never sit in memory.
    private const int Queued = 250_000;
    private readonly BlockingCollection<Row> _rows = new(Queued);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<Dictionary<string, (string Stem, int Count)>> _analysed;

    internal SearchTexts(Func<Action<Row>, Dictionary<string, (string Stem, int Count)>> analyse) =>
        _analysed = Task.Factory.StartNew(() =>
        {
            try { return analyse(row => _rows.Add(row, _stop.Token)); }
            finally { _rows.CompleteAdding(); }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>The rows in the order of the figures; throws what the analysis threw.</summary>
    public IEnumerable<Row> Rows()
    {
        foreach (var row in _rows.GetConsumingEnumerable()) yield return row;
        _analysed.GetAwaiter().GetResult();
    }

    /// <summary>The English words of the texts as written, with their stem and count; after <see cref="Rows"/>.</summary>
    public IReadOnlyDictionary<string, (string Stem, int Count)> Words() => _analysed.GetAwaiter().GetResult();

    public void Dispose()
    {
        _stop.Cancel();
        try { _analysed.Wait(); }
        catch (AggregateException) { } // stopped, or already thrown by Rows
        _rows.Dispose();
        _stop.Dispose();
    }
}
