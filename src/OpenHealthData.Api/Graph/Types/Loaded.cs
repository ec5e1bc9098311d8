using GraphQL.DataLoader;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>A value that is already at hand, in the shape of a batch loader's result.</summary>
public sealed class Loaded<T>(T value) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);
    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
}
