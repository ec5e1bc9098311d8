using System.Linq.Expressions;

namespace OpenHealthData.Api.Querying;

/// <summary>The order language: <c>[{ year: DESC }, { region: { nameEn: ASC } }]</c>, read into <see cref="SortKey"/>s and always ending with the key.</summary>
public static class Sorting
{
    /// <summary>
    /// Reads one sort object (<c>{ year: DESC }</c>, <c>{ region: { nameEn: ASC } }</c>) into its keys. GraphQL hands
    /// over nested sort objects already read, as lists of keys.
    /// </summary>
    public static IReadOnlyList<SortKey> Parse(EntityShape shape, IDictionary<string, object?> sort)
    {
        var keys = new List<SortKey>();
        foreach (var (name, value) in sort)
        {
            if (value is null) continue;
            if (shape.FindScalar(name) is { } scalar)
                keys.Add(new SortKey([], scalar, Direction(value, name)));
            else if (shape.FindReference(name) is { } reference)
                keys.AddRange((value as IReadOnlyList<SortKey> ?? Parse(Shapes.For(reference.Target), FilterParser.AsObject(value, $"{shape.Name}SortInput.{name}")))
                    .Select(k => k with { Path = [reference, .. k.Path] }));
            else throw new QueryArgumentException($"'{name}' is not a field of {shape.Name}SortInput.");
        }
        return keys;
    }

    /// <summary>An order list as GraphQL or a test writes it: each item a sort object or its keys, already read.</summary>
    public static IReadOnlyList<SortKey> Parse(EntityShape shape, IEnumerable<object?>? order) =>
        [.. (order ?? []).SelectMany(item => item switch
        {
            SortKey key => [key],
            IReadOnlyList<SortKey> keys => keys,
            _ => Parse(shape, FilterParser.AsObject(item, $"{shape.Name}SortInput")),
        })];

    public static IQueryable<T> OrderBy<T>(this IQueryable<T> query, EntityShape<T> shape, IReadOnlyList<SortKey> order) =>
        query.Provider.CreateQuery<T>(Apply(query.Expression, shape, order));

    /// <summary>
    /// The first <paramref name="count"/> children of each parent, in the given order, as one SQL statement
    /// (EF Core turns the correlated Take into ROW_NUMBER() OVER (PARTITION BY …)): nested lists never load more
    /// rows than they return.
    /// </summary>
    public static IQueryable<T> FirstPerParent<TParent, T>(this IQueryable<TParent> parents, Expression<Func<TParent, string>> parentKey,
        IQueryable<T> children, Expression<Func<T, string?>> foreignKey, EntityShape<T> shape, IReadOnlyList<SortKey> order, int count)
    {
        var parent = Expression.Parameter(typeof(TParent), "p");
        var ofParent = Expression.Lambda<Func<T, bool>>(
            Expression.Equal(foreignKey.Body, Filtering.Inline(parentKey, parent)), foreignKey.Parameters);
        Expression rows = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(T)], children.Expression, Expression.Quote(ofParent));
        rows = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], Apply(rows, shape, order), Expression.Constant(count));
        return parents.SelectMany(Expression.Lambda<Func<TParent, IEnumerable<T>>>(rows, parent));
    }

    /// <summary>Queryable OrderBy/ThenBy calls over <paramref name="source"/>, the key last.</summary>
    private static Expression Apply<T>(Expression source, EntityShape<T> shape, IReadOnlyList<SortKey> order)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var keys = order.Select(k => (Key: k.Path.Aggregate((Expression)parameter, (target, reference) => Filtering.Inline(reference.Selector, target)), k))
            .Select(p => (Key: Filtering.Inline(p.k.Field.Selector, p.Key), p.k.Descending)).ToList();
        keys.Add((Filtering.Inline(shape.Key, parameter), false));

        for (var i = 0; i < keys.Count; i++)
        {
            var (key, descending) = keys[i];
            var method = (i == 0 ? "OrderBy" : "ThenBy") + (descending ? "Descending" : "");
            source = Expression.Call(typeof(Queryable), method, [typeof(T), key.Type], source, Expression.Quote(Expression.Lambda(key, parameter)));
        }
        return source;
    }

    private static bool Direction(object value, string field) => value.ToString()?.ToUpperInvariant() switch
    {
        "ASC" => false,
        "DESC" => true,
        _ => throw new QueryArgumentException($"Sort direction of '{field}' must be ASC or DESC."),
    };
}
