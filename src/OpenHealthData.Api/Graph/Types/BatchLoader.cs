using GraphQL.DataLoader;

namespace OpenHealthData.Api.Graph.Types;

public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<Dictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly HashSet<TKey> _pending = [];
    private readonly HashSet<TKey> _fetched = [];
    private readonly Dictionary<TKey, TValue> _values = [];

    public IDataLoaderResult<TValue?> Load(TKey key) => Load(key, value => value);

    /// <summary>Queues the key now; <paramref name="map"/> shapes the loaded value once the batch is fetched.</summary>
    public IDataLoaderResult<TResult> Load<TResult>(TKey key, Func<TValue?, TResult> map)
    {
        if (!_fetched.Contains(key)) _pending.Add(key);
        return new Result<TResult>(this, key, map);
    }

    private async Task<TValue?> GetAsync(TKey key, CancellationToken ct)
    {
        if (_pending.Count > 0)
        {
            var keys = _pending.ToList();
            _pending.Clear();
            _fetched.UnionWith(keys);
            foreach (var (k, v) in await fetch(keys, ct)) _values[k] = v;
        }
        return _values.TryGetValue(key, out var value) ? value : default;
    }

    private sealed class Result<TResult>(BatchLoader<TKey, TValue> loader, TKey key, Func<TValue?, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => map(await loader.GetAsync(key, cancellationToken));
        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
