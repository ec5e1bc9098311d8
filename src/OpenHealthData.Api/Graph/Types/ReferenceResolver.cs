using GraphQL;
using OpenHealthData.Api.Domain;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>
/// A to-one reference by its foreign key: plain (<see cref="IPlainFieldResolver"/>) when the target's table is held
/// in memory, else a lookup batched with the request's others (<see cref="GraphFields.ByKey{T}"/>).
/// </summary>
public sealed class ReferenceResolver<TSource, TTarget>(Func<TSource, string?> foreignKey) : IPlainFieldResolver where TTarget : class
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) =>
        new(foreignKey((TSource)context.Source!) is { } key ? GraphFields.ByKey<TTarget>(context.RequestServices!.GetRequiredService<ResolverServices>(), key) : null);

    public bool TryResolve(object source, IServiceProvider? services, out object? value)
    {
        value = null;
        if (foreignKey((TSource)source) is not { } key) return true;
        if (services?.GetService<ReferenceCache>()?.Table<TTarget>() is not { } table) return false;
        value = table.GetValueOrDefault(key);
        return true;
    }
}
