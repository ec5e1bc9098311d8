using GraphQL.Types;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>
/// The operators of one field type, e.g. StringOperationFilterInput { eq neq in … }, generated from the operator table
/// (<see cref="FilterOperators"/>): a new operator or field type needs no change here.
/// </summary>
public abstract class OperationFilterInputType : InputObjectGraphType<object>
{
    protected OperationFilterInputType(ColumnType type)
    {
        Name = $"{type.Name}OperationFilterInput";
        var scalar = ScalarGraphTypes.For(type);
        foreach (var op in type.Operators)
            Field(op.Name, op.TakesList ? typeof(ListGraphType<>).MakeGenericType(scalar) : scalar).Description(op.Description);
    }

    /// <summary>Left as it is: the entity's filter input reads it with the field it belongs to (<see cref="FilterParser"/>).</summary>
    public override object ParseDictionary(IDictionary<string, object?> value) => value;

    /// <summary>The operator input of a field type.</summary>
    public static Type For(ColumnType type) =>
        type == ColumnTypes.String ? typeof(StringOperationFilterInputType)
        : type == ColumnTypes.Int ? typeof(IntOperationFilterInputType)
        : type == ColumnTypes.Float ? typeof(FloatOperationFilterInputType)
        : type == ColumnTypes.Boolean ? typeof(BooleanOperationFilterInputType)
        : throw new NotSupportedException($"No GraphQL operator input for field type {type.Name}: add a subclass of OperationFilterInputType.");
}
