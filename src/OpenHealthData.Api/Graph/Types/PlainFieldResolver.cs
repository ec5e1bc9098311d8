using GraphQL;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>A field read from its row by a plain function (a column, presented); see <see cref="IPlainFieldResolver"/>.</summary>
public sealed class PlainFieldResolver<TSource>(Func<TSource, object?> read) : IPlainFieldResolver
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) => new(read((TSource)context.Source!));

    public bool TryResolve(object source, IServiceProvider? services, out object? value)
    {
        value = read((TSource)source);
        return true;
    }
}
