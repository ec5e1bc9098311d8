using System.Linq.Expressions;

namespace OpenHealthData.Api.Querying;

/// <summary>The one EF Core condition the API still builds by hand: rows whose key is among many (batch loaders, search).</summary>
public static class Filtering
{
    /// <summary><c>key(x) IN keys</c>, with the keys as one SQL parameter: the query of a batch loader.</summary>
    public static IQueryable<T> WhereIn<T>(this IQueryable<T> query, Expression<Func<T, string?>> key, IReadOnlyCollection<string> keys)
    {
        var list = keys.Select(k => (string?)k).ToList();
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)],
            Expression.Field(Expression.Constant(new Box(list)), nameof(Box.Value)), key.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(contains, key.Parameters));
    }

    /// <summary>The keys as a closure member, so that EF Core sends them as one SQL parameter and reuses the query plan.</summary>
    private sealed class Box(List<string?> value)
    {
        public readonly List<string?> Value = value;
    }
}
