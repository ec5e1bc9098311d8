using GraphQL.DataLoader;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>
/// Per-request batch loaders (the DataLoader pattern): resolvers ask for keys, and the first resolver that
/// awaits a result fetches every key asked for so far in one SQL statement. So the number of statements
/// depends on a query's depth, not on the number of rows it returns.
/// </summary>
public sealed class BatchLoaders
{
    private readonly Dictionary<string, object> _loaders = [];

    public BatchLoader<TKey, TValue> Get<TKey, TValue>(string name, Func<IReadOnlyCollection<TKey>, CancellationToken, Task<Dictionary<TKey, TValue>>> fetch)
        where TKey : notnull
    {
        if (!_loaders.TryGetValue(name, out var loader))
            _loaders[name] = loader = new BatchLoader<TKey, TValue>(fetch);
        return (BatchLoader<TKey, TValue>)loader;
    }
}
