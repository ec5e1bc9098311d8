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
        Field("not", typeof(FilterInputType<T>)).Description("Not this: exactly the rows it does not match.");
        Field("eq", typeof(StringGraphType)).Description($"This {shape.Name} itself, by its {shape.KeyField.Name}; through a reference, eq: null means there is none.");
        Field("neq", typeof(StringGraphType)).Description($"Not this {shape.Name}, by its {shape.KeyField.Name}; through a reference, neq: null means there is one.");
        foreach (var scalar in shape.Scalars)
            Field(scalar.Name, ScalarGraphTypes.Filter(scalar)).Description(scalar.Description);
        foreach (var reference in shape.References)
            Field(reference.Name, typeof(FilterInputType<>).MakeGenericType(reference.Target)).Description(reference.Description);
    }

    /// <summary>Read once, into the typed filter (nested filters arrive already read: GraphQL parses input objects bottom-up).</summary>
    public override object ParseDictionary(IDictionary<string, object?> value) => FilterParser.Parse(Shapes.For(typeof(T)), value)!;
}
