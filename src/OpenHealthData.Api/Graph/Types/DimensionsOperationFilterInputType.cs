using GraphQL.Types;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>
/// Operators of a figure's dimensions: "has" (every one of these name/value pairs) and the text operators on the
/// canonical JSON text (keys sorted), e.g. eq: "{}" for a figure of the metric as a whole.
/// </summary>
public sealed class DimensionsOperationFilterInputType : InputObjectGraphType<object>
{
    public DimensionsOperationFilterInputType()
    {
        Name = "DimensionsOperationFilterInput";
        Description = "Filter on dimensions: has (every one of these pairs), or the text operators on the canonical JSON text.";
        Field<ListGraphType<NonNullGraphType<DimensionInputType>>>("has")
            .Description("Has every one of these dimension values (and maybe others), e.g. [{ name: \"population\", value: \"key_groups\" }].");
        foreach (var op in Filtering.StringOperators)
            Field(op, op is "in" or "nin" ? typeof(ListGraphType<StringGraphType>) : typeof(StringGraphType))
                .Description($"'{op}' on the canonical JSON text, e.g. eq: \"{{}}\" for no dimensions.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => value;
}
