using GraphQL.Types;

namespace OpenHealthData.Api.Graph.Types;

public sealed class BooleanOperationFilterInputType() : OperationFilterInputType("BooleanOperationFilterInput", typeof(BooleanGraphType), ["eq", "neq"]);
