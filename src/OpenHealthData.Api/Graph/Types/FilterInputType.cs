using GraphQL.Types;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>The filter input of an entity, generated from its <see cref="EntityShape"/>.</summary>
public sealed class FilterInputType<T> : InputObjectGraphType<object>
{
    public FilterInputType()
    {
        var shape = Shapes.For(typeof(T));
        Name = $"{shape.Name}FilterInput";
        Description = $"Filter on {shape.Name}: fields combine with AND; use 'and'/'or' for lists of conditions.";
        Field("and", typeof(ListGraphType<NonNullGraphType<FilterInputType<T>>>)).Description("All of these.");
        Field("or", typeof(ListGraphType<NonNullGraphType<FilterInputType<T>>>)).Description("Any of these.");
        foreach (var scalar in shape.Scalars)
            Field(scalar.Name, ScalarGraphTypes.Filter(scalar)).Description(scalar.Description);
        foreach (var reference in shape.References)
            Field(reference.Name, typeof(FilterInputType<>).MakeGenericType(reference.Target)).Description(reference.Description);
    }

    /// <summary>Read once, into the typed filter (nested filters arrive already read: GraphQL parses input objects bottom-up).</summary>
    public override object ParseDictionary(IDictionary<string, object?> value) => FilterParser.Parse(Shapes.For(typeof(T)), value)!;
}
