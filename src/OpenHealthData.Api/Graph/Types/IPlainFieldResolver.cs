using GraphQL.Resolvers;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>
/// A resolver that needs nothing but its row (and the request's services) and answers at once: a column, or a
/// reference to a table held in memory. <see cref="PlainFieldsExecutionStrategy"/> calls it while it builds the row's
/// fields, instead of running each field through GraphQL.NET's per-field execution (a context, an async step, the
/// completion and validation of the node), which for a row of plain columns costs more than reading them.
/// </summary>
public interface IPlainFieldResolver : IFieldResolver
{
    /// <summary>The field's value for <paramref name="source"/>; false when it cannot be had at once (the field then goes the usual way).</summary>
    bool TryResolve(object source, IServiceProvider? services, out object? value);
}
