using System.Collections.Concurrent;
using System.Linq.Expressions;

namespace OpenHealthData.Api.Querying;

/// <summary>
/// Only the columns a page asks for: a journalist's table of values and quotes need not read, sort and
/// materialise every figure's English quote and note. A field that is neither a column nor a reference
/// (a citation, a nested list) needs the whole row, and so does a selection this cannot see through (fragments).
/// </summary>
public static class Projection
{
    private static readonly ConcurrentDictionary<(Type, string), IReadOnlyList<string>> Built = new();

    /// <param name="fields">The node fields selected; null when they are not known.</param>
    /// <param name="alsoRead">A column the caller needs besides the fields (a nested list's foreign key, to group rows by parent).</param>
    /// <returns>The properties to read, in a canonical order: the key, the fields' columns and foreign keys; every column for the whole row.</returns>
    public static IReadOnlyList<string> Of(EntityShape shape, IReadOnlyCollection<string>? fields, LambdaExpression? alsoRead = null)
    {
        if (fields is null) return SqlNames.Members(shape.ClrType);
        var members = new SortedSet<string>(StringComparer.Ordinal) { SqlNames.Member(shape.KeyField.Selector) };
        if (alsoRead is not null) members.Add(SqlNames.Member(alsoRead));
        foreach (var field in fields)
        {
            if (field == "__typename") continue;
            var selector = shape.FindScalar(field)?.Selector ?? shape.FindReference(field)?.ForeignKey;
            if (selector is null) return SqlNames.Members(shape.ClrType);
            members.Add(SqlNames.Member(selector));
        }
        return Built.GetOrAdd((shape.ClrType, string.Join(",", members)), _ => [.. members]);
    }
}
