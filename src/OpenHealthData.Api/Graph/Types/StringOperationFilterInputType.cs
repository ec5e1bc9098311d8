using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

public sealed class StringOperationFilterInputType() : OperationFilterInputType(ColumnTypes.String);
