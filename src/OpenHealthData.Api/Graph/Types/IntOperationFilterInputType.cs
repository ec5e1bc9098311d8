using GraphQL.Types;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

public sealed class IntOperationFilterInputType() : OperationFilterInputType("IntOperationFilterInput", typeof(IntGraphType), Filtering.ComparableOperators);
