using GraphQL.Types;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

public sealed class StringOperationFilterInputType() : OperationFilterInputType("StringOperationFilterInput", typeof(StringGraphType), Filtering.StringOperators);
