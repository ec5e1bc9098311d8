using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace OpenHealthData.Api.Querying;

/// <summary>
/// Only the columns a page asks for: a journalist's table of values and quotes need not read, sort and
/// materialise every figure's English quote and note. A field that is neither a column nor a reference
/// (a citation, a nested list) needs the whole row, and so does a selection this cannot see through (fragments).
/// </summary>
public static class Projection
{
    private static readonly ConcurrentDictionary<(Type, string), LambdaExpression> Built = new();

    /// <param name="fields">The node fields selected; null when they are not known.</param>
    /// <param name="alsoRead">A column the caller needs besides the fields (a nested list's foreign key, to group rows by parent).</param>
    /// <returns><c>x => new T { Key = x.Key, … }</c>, or null for the whole row.</returns>
    public static Expression<Func<T, T>>? Of<T>(EntityShape<T> shape, IReadOnlyCollection<string>? fields, LambdaExpression? alsoRead = null)
    {
        if (fields is null) return null;
        var members = new SortedDictionary<string, MemberInfo>(StringComparer.Ordinal) { [Member(shape.Key).Name] = Member(shape.Key) };
        if (alsoRead is not null) members[Member(alsoRead).Name] = Member(alsoRead);
        foreach (var field in fields)
        {
            if (field == "__typename") continue;
            var selector = shape.Scalars.FirstOrDefault(s => s.Name == field)?.Selector ?? shape.References.FirstOrDefault(r => r.Name == field)?.ForeignKey;
            if (selector is null) return null;
            members[Member(selector).Name] = Member(selector);
        }
        return (Expression<Func<T, T>>)Built.GetOrAdd((typeof(T), string.Join(",", members.Keys)), _ =>
        {
            var row = Expression.Parameter(typeof(T), "x");
            return Expression.Lambda<Func<T, T>>(
                Expression.MemberInit(Expression.New(typeof(T)), members.Values.Select(m => Expression.Bind(m, Expression.MakeMemberAccess(row, m)))), row);
        });
    }

    private static MemberInfo Member(LambdaExpression selector) => ((MemberExpression)selector.Body).Member;
}
