using System.Linq.Expressions;

namespace OpenHealthData.Api.Querying;

/// <summary>A field people can filter and sort by: a scalar column of the entity.</summary>
public sealed record ScalarField(string Name, string Description, LambdaExpression Selector, ScalarKind Kind = ScalarKind.Plain, IReadOnlySet<string>? Values = null)
{
    public Type ClrType => Selector.ReturnType;
    public Type ValueType => Nullable.GetUnderlyingType(ClrType) ?? ClrType;
    public bool IsNullable => !ClrType.IsValueType || Nullable.GetUnderlyingType(ClrType) is not null;
}
