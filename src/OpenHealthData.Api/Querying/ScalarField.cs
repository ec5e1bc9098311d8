using System.Linq.Expressions;

namespace OpenHealthData.Api.Querying;

/// <summary>A field people can filter and sort by: a scalar column of the entity.</summary>
/// <param name="DeclaredType">The field's type when its CLR type does not say it (an enum held as text); else null.</param>
public sealed record ScalarField(string Name, string Description, LambdaExpression Selector, ColumnType? DeclaredType = null)
{
    /// <summary>What the filter language does with it: its operators and how its values are read.</summary>
    public ColumnType Type => DeclaredType ?? ColumnTypes.For(ValueType);

    public Type ClrType => Selector.ReturnType;
    public Type ValueType => Nullable.GetUnderlyingType(ClrType) ?? ClrType;
    public bool IsNullable => !ClrType.IsValueType || Nullable.GetUnderlyingType(ClrType) is not null;
}
