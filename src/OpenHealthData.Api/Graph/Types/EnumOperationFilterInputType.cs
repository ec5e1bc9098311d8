using GraphQL.Types;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>Operators of an enum column over its GraphQL enum, e.g. QualifierOperationFilterInput { eq neq in nin }: the rows of <see cref="FilterOperators"/> an enum takes.</summary>
public sealed class EnumOperationFilterInputType<TEnum>() : OperationFilterInputType($"{Enum.Name}OperationFilterInput",
    ColumnTypes.Enum(Enum.Name, Enum.Values.Select(v => (string)v.Value!)), typeof(TEnum))
    where TEnum : EnumerationGraphType, new()
{
    private static readonly TEnum Enum = new();
}
