using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

public sealed class IntOperationFilterInputType() : OperationFilterInputType(ColumnTypes.Int);
