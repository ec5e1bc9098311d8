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

    private static bool Direction(object value, string field) => value.ToString()?.ToUpperInvariant() switch
    {
        "ASC" => false,
        "DESC" => true,
        _ => throw new QueryArgumentException($"Sort direction of '{field}' must be ASC or DESC."),
    };
}
