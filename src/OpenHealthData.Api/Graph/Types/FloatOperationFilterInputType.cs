using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

public sealed class FloatOperationFilterInputType() : OperationFilterInputType(ColumnTypes.Float);
