using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

public sealed class BooleanOperationFilterInputType() : OperationFilterInputType(ColumnTypes.Boolean);
