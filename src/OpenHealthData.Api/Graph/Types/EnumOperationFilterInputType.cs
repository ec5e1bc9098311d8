using GraphQL.Types;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>Operators of an enum, e.g. QualifierOperationFilterInput { eq neq in nin }.</summary>
public sealed class EnumOperationFilterInputType<TEnum>() : OperationFilterInputType(
    $"{((EnumerationGraphType)Activator.CreateInstance(typeof(TEnum))!).Name}OperationFilterInput", typeof(TEnum), Filtering.EqualityOperators)
    where TEnum : EnumerationGraphType;
