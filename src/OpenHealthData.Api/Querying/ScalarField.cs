using System.Linq.Expressions;

namespace OpenHealthData.Api.Querying;

/// <summary>A field people can filter and sort by: a scalar column of the entity.</summary>
/// <param name="Kind">How the column is presented (itself, an enum, JSON text read as a list).</param>
/// <param name="Values">For an enum: its words.</param>
public sealed record ScalarField(string Name, string Description, LambdaExpression Selector, ScalarKind Kind = ScalarKind.Plain, IReadOnlySet<string>? Values = null)
{
    public Type ClrType => Selector.ReturnType;
    public Type ValueType => Nullable.GetUnderlyingType(ClrType) ?? ClrType;
    public bool IsNullable => !ClrType.IsValueType || Nullable.GetUnderlyingType(ClrType) is not null;

    /// <summary>What the filter language does with it: its operators and how its values are read.</summary>
    public ColumnType Type => Kind switch
    {
        ScalarKind.Enum => ColumnTypes.Enum(char.ToUpperInvariant(Name[0]) + Name[1..], Values!),
        ScalarKind.DimensionValues => ColumnTypes.Dimensions,
        _ => ColumnTypes.For(ValueType),
    };
}
