using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>
/// Operators of a figure's dimensions: the text operators on the canonical JSON text (keys sorted), e.g. eq: "{}" for a
/// figure of the metric as a whole, and has (every one of these name/value pairs); rows of <see cref="FilterOperators"/>.
/// </summary>
public sealed class DimensionsOperationFilterInputType : OperationFilterInputType
{
    public DimensionsOperationFilterInputType() : base(ColumnTypes.Dimensions) =>
        Description = "Filter on dimensions: has (every one of these pairs), or the text operators on the canonical JSON text.";
}
