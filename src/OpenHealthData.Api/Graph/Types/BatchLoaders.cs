
namespace OpenHealthData.Api.Graph.Types;

/// <summary>
/// Per-request batch loaders (the DataLoader pattern): resolvers ask for keys, and the first resolver that
/// awaits a result fetches every key asked for so far in one SQL statement. So the number of statements
/// depends on a query's depth, not on the number of rows it returns.
/// </summary>
public sealed class BatchLoaders
{
    private readonly Dictionary<string, object> _loaders = [];
    private readonly Dictionary<object, object> _byField = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, IReadOnlyList<object>> _siblings = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Rows read together (a page, or one nested list's statement for all its parents): a list field below them is
    /// loaded for all of them when the first row asks, and answered at once (<see cref="SiblingsOf"/>).
    /// </summary>
    public void ReadTogether(IReadOnlyList<object> rows)
    {
        foreach (var row in rows) _siblings[row] = rows;
    }

    /// <summary>The rows read together with <paramref name="row"/> in this request (itself among them); null when not known (a row of a table held in memory).</summary>
    public IReadOnlyList<object>? SiblingsOf(object row) => _siblings.GetValueOrDefault(row);

    /// <summary>
    /// The loader of one selected field (its place in the document): its arguments and selection are the same under
    /// every parent of a request, so they are read once, not once per parent row.
    /// </summary>
    public BatchLoader<TKey, TValue> ForField<TKey, TValue>(object field, Func<BatchLoader<TKey, TValue>> create) where TKey : notnull
    {
        if (!_byField.TryGetValue(field, out var loader)) _byField[field] = loader = create();
        return (BatchLoader<TKey, TValue>)loader;
    }

    public BatchLoader<TKey, TValue> Get<TKey, TValue>(string name, Func<IReadOnlyCollection<TKey>, Dictionary<TKey, TValue>> fetch)
        where TKey : notnull
    {
        if (!_loaders.TryGetValue(name, out var loader))
            _loaders[name] = loader = new BatchLoader<TKey, TValue>(fetch);
        return (BatchLoader<TKey, TValue>)loader;
    }
}
