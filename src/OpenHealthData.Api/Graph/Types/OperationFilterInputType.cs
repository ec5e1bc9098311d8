using GraphQL.Types;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

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
