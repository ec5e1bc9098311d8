using GraphQL.Types;

namespace OpenHealthData.Api.GraphQL.Types;

public sealed class BooleanOperationFilterInputType() : OperationFilterInputType("BooleanOperationFilterInput", typeof(BooleanGraphType), ["eq", "neq"]);
