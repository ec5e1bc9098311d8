using System.Linq.Expressions;

namespace OpenHealthData.Api.Querying;

/// <summary>The order language: <c>[{ year: DESC }, { region: { nameEn: ASC } }]</c>, always ending with the key.</summary>
public static class Sorting
{
    public static IQueryable<T> OrderBy<T>(this IQueryable<T> query, EntityShape<T> shape, IEnumerable<object?>? order) =>
        query.Provider.CreateQuery<T>(Apply(query.Expression, shape, order));

    /// <summary>
    /// The first <paramref name="count"/> children of each parent, in the given order, as one SQL statement
    /// (EF Core turns the correlated Take into ROW_NUMBER() OVER (PARTITION BY …)): nested lists never load more
    /// rows than they return.
    /// </summary>
    public static IQueryable<T> FirstPerParent<TParent, T>(this IQueryable<TParent> parents, Expression<Func<TParent, string>> parentKey,
        IQueryable<T> children, Expression<Func<T, string?>> foreignKey, EntityShape<T> shape, IEnumerable<object?>? order, int count)
    {
        var parent = Expression.Parameter(typeof(TParent), "p");
        var ofParent = Expression.Lambda<Func<T, bool>>(
            Expression.Equal(foreignKey.Body, Filtering.Inline(parentKey, parent)), foreignKey.Parameters);
        Expression rows = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(T)], children.Expression, Expression.Quote(ofParent));
        rows = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], Apply(rows, shape, order), Expression.Constant(count));
        return parents.SelectMany(Expression.Lambda<Func<TParent, IEnumerable<T>>>(rows, parent));
    }

    /// <summary>Queryable OrderBy/ThenBy calls over <paramref name="source"/>.</summary>
    private static Expression Apply<T>(Expression source, EntityShape<T> shape, IEnumerable<object?>? order)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var keys = new List<(Expression Key, bool Descending)>();
        foreach (var item in order ?? [])
            Collect(shape, parameter, Filtering.AsObject(item, $"{shape.Name}SortInput"), keys);
        keys.Add((Filtering.Inline(shape.Key, parameter), false));

        for (var i = 0; i < keys.Count; i++)
        {
            var (key, descending) = keys[i];
            var method = (i == 0 ? "OrderBy" : "ThenBy") + (descending ? "Descending" : "");
            source = Expression.Call(typeof(Queryable), method, [typeof(T), key.Type], source, Expression.Quote(Expression.Lambda(key, parameter)));
        }
        return source;
    }

    private static void Collect(EntityShape shape, Expression target, IDictionary<string, object?> sort, List<(Expression, bool)> keys)
    {
        foreach (var (name, value) in sort)
        {
            if (value is null) continue;
            if (shape.Scalars.FirstOrDefault(s => s.Name == name) is { } scalar)
                keys.Add((Filtering.Inline(scalar.Selector, target), Direction(value, name)));
            else if (shape.References.FirstOrDefault(r => r.Name == name) is { } reference)
                Collect(Shapes.For(reference.Target), Filtering.Inline(reference.Selector, target),
                    Filtering.AsObject(value, $"{shape.Name}SortInput.{name}"), keys);
            else throw new QueryArgumentException($"'{name}' is not a field of {shape.Name}SortInput.");
        }
    }

    private static bool Direction(object value, string field) => value.ToString()?.ToUpperInvariant() switch
    {
        "ASC" => false,
        "DESC" => true,
        _ => throw new QueryArgumentException($"Sort direction of '{field}' must be ASC or DESC."),
    };
}
