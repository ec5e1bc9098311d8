using GraphQL.Types;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>
/// The operators of one field type, e.g. StringOperationFilterInput { eq neq in … }, generated from the operator table
/// (<see cref="FilterOperators"/>): a new operator or field type needs no change here.
/// </summary>
public abstract class OperationFilterInputType : InputObjectGraphType<object>
{
    protected OperationFilterInputType(ColumnType type) : this($"{type.Name}OperationFilterInput", type, ScalarGraphTypes.For(type)) { }

    /// <param name="operand">The GraphQL type of one operand, e.g. an enum's type.</param>
    protected OperationFilterInputType(string name, ColumnType type, Type operand)
    {
        Name = name;
        foreach (var op in type.Operators)
            Field(op.Name, op.TakesList ? typeof(ListGraphType<>).MakeGenericType(Operand(op, operand)) : operand).Description(op.Description);
    }

    /// <summary>What one item of an operator's list is: a value of the column, or (has) a name/value pair.</summary>
    private static Type Operand(FilterOperator op, Type operand) =>
        op == FilterOperators.Has ? typeof(NonNullGraphType<DimensionInputType>) : operand;

    /// <summary>Left as it is: the entity's filter input reads it with the field it belongs to (<see cref="FilterParser"/>).</summary>
    public override object ParseDictionary(IDictionary<string, object?> value) => value;

    /// <summary>The operator input of a field type.</summary>
    public static Type For(ColumnType type) =>
        type == ColumnTypes.String ? typeof(StringOperationFilterInputType)
        : type == ColumnTypes.Int ? typeof(IntOperationFilterInputType)
        : type == ColumnTypes.Float ? typeof(FloatOperationFilterInputType)
        : type == ColumnTypes.Boolean ? typeof(BooleanOperationFilterInputType)
        : type == ColumnTypes.Dimensions ? typeof(DimensionsOperationFilterInputType)
        : throw new NotSupportedException($"No GraphQL operator input for field type {type.Name}: add a subclass of OperationFilterInputType.");
}
