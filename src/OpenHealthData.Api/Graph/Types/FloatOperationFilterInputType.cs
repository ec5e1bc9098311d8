using GraphQL.Types;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

public sealed class FloatOperationFilterInputType() : OperationFilterInputType("FloatOperationFilterInput", typeof(FloatGraphType), Filtering.ComparableOperators);
