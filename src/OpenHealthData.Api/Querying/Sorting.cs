using System.Linq.Expressions;

namespace OpenHealthData.Api.Querying;

/// <summary>The order language: <c>[{ year: DESC }, { region: { nameEn: ASC } }]</c>, always ending with the key.</summary>
public static class Sorting
{
    public static IQueryable<T> OrderBy<T>(this IQueryable<T> query, EntityShape<T> shape, IEnumerable<object?>? order)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var keys = new List<(Expression Key, bool Descending)>();
        foreach (var item in order ?? [])
            Collect(shape, parameter, Filtering.AsObject(item, $"{shape.Name}SortInput"), keys);
        keys.Add((Filtering.Inline(shape.Key, parameter), false));

        var ordered = query.Expression;
        for (var i = 0; i < keys.Count; i++)
        {
            var (key, descending) = keys[i];
            var method = (i == 0 ? "OrderBy" : "ThenBy") + (descending ? "Descending" : "");
            ordered = Expression.Call(typeof(Queryable), method, [typeof(T), key.Type], ordered,
                Expression.Quote(Expression.Lambda(key, parameter)));
        }
        return query.Provider.CreateQuery<T>(ordered);
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
