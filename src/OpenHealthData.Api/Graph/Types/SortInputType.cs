using GraphQL.Types;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>The sort input of an entity, generated from its <see cref="EntityShape"/>.</summary>
public sealed class SortInputType<T> : InputObjectGraphType<object>
{
    public SortInputType()
    {
        var shape = Shapes.For(typeof(T));
        Name = $"{shape.Name}SortInput";
        Description = $"Sort {shape.Name}: one field per list item, applied in list order.";
        foreach (var scalar in shape.Scalars)
            Field(scalar.Name, typeof(SortEnumType)).Description(scalar.Description);
        foreach (var reference in shape.References)
            Field(reference.Name, typeof(SortInputType<>).MakeGenericType(reference.Target)).Description(reference.Description);
    }

    /// <summary>Read once, into its sort keys (nested sort objects arrive already read).</summary>
    public override object ParseDictionary(IDictionary<string, object?> value) => Sorting.Parse(Shapes.For(typeof(T)), value);
}
