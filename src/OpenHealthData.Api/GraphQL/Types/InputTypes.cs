using GraphQL.Types;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.GraphQL.Types;

/// <summary>Operators of one scalar type, e.g. StringOperationFilterInput { eq neq in … }.</summary>
public abstract class OperationFilterInputType : InputObjectGraphType<object>
{
    protected OperationFilterInputType(string name, Type scalar, IReadOnlyList<string> operators)
    {
        Name = name;
        foreach (var op in operators)
            Field(op, op is "in" or "nin" ? typeof(ListGraphType<>).MakeGenericType(scalar) : scalar)
                .Description(Describe(op));
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => value;

    private static string Describe(string op) => op switch
    {
        "eq" => "Equal to (null: is null).",
        "neq" => "Not equal to (null: is not null).",
        "in" => "One of the values.",
        "nin" => "None of the values.",
        "gt" => "Greater than.",
        "gte" => "Greater than or equal to.",
        "lt" => "Less than.",
        "lte" => "Less than or equal to.",
        "contains" => "Contains the text (case-sensitive).",
        "ncontains" => "Does not contain the text.",
        "startsWith" => "Starts with the text.",
        "nstartsWith" => "Does not start with the text.",
        "endsWith" => "Ends with the text.",
        "nendsWith" => "Does not end with the text.",
        _ => op,
    };
}

public sealed class StringOperationFilterInputType() : OperationFilterInputType("StringOperationFilterInput", typeof(StringGraphType), Filtering.StringOperators);
public sealed class IntOperationFilterInputType() : OperationFilterInputType("IntOperationFilterInput", typeof(IntGraphType), Filtering.ComparableOperators);
public sealed class FloatOperationFilterInputType() : OperationFilterInputType("FloatOperationFilterInput", typeof(FloatGraphType), Filtering.ComparableOperators);

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

    public override object ParseDictionary(IDictionary<string, object?> value) => value;
}

public sealed class SortEnumType : EnumerationGraphType
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Add("ASC", "ASC", "Ascending.");
        Add("DESC", "DESC", "Descending.");
    }
}

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

    public override object ParseDictionary(IDictionary<string, object?> value) => value;
}
