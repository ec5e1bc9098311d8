namespace OpenHealthData.Api.Querying;

/// <summary>An operator with its operand, already in the column's type (a list of them for in/nin; null for eq/neq null).</summary>
public sealed record Operation(FilterOperator Operator, object? Operand)
{
    public override string ToString() => $"{Operator.Name}:{FilterNode.Canonical(Operand)}";
}
