using GraphQL.DataLoader;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>
/// Keys asked for, fetched together by the first resolver that needs a value. The fetch is synchronous (a statement
/// on <see cref="OpenHealthData.Data.ReadConnections"/>), so a result completes without an async state machine.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, Dictionary<TKey, TValue>> fetch)
    where TKey : notnull
{
    private readonly HashSet<TKey> _pending = [];
    private readonly HashSet<TKey> _fetched = [];
    private readonly Dictionary<TKey, TValue> _values = [];

    public IDataLoaderResult<TValue?> Load(TKey key) => Load(key, value => value);

    /// <summary>Queues the key now; <paramref name="map"/> shapes the loaded value once the batch is fetched.</summary>
    public IDataLoaderResult<TResult> Load<TResult>(TKey key, Func<TValue?, TResult> map)
    {
        Queue(key);
        return new Result<TResult>(this, key, map);
    }

    /// <summary>
    /// The value of <paramref name="key"/> now, fetched (if it is not yet) together with the keys of <paramref name="batch"/> and
    /// every key queued so far: for a resolver that knows every parent of its level up front.
    /// </summary>
    public TValue? Get<TRow>(TKey key, IReadOnlyList<TRow> batch, Func<TRow, TKey> keyOf)
    {
        if (!_fetched.Contains(key))
        {
            Queue(key);
            foreach (var other in batch) Queue(keyOf(other));
        }
        return Get(key);
    }

    private void Queue(TKey key)
    {
        if (!_fetched.Contains(key)) _pending.Add(key);
    }

    private TValue? Get(TKey key)
    {
        if (_pending.Count > 0)
        {
            var keys = _pending.ToList();
            _pending.Clear();
            _fetched.UnionWith(keys);
            foreach (var (k, v) in fetch(keys)) _values[k] = v;
        }
        return _values.TryGetValue(key, out var value) ? value : default;
    }

    private sealed class Result<TResult>(BatchLoader<TKey, TValue> loader, TKey key, Func<TValue?, TResult> map) : IDataLoaderResult<TResult>
    {
        public Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(map(loader.Get(key)));
        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
