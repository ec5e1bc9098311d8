using GraphQL.Types;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>A dimension to select by, e.g. { name: "population", value: "key_groups" }.</summary>
public sealed class DimensionInputType : InputObjectGraphType<KeyValuePair<string, string>>
{
    public DimensionInputType()
    {
        Name = "DimensionInput";
        Description = "A dimension and its value, e.g. { name: \"population\", value: \"key_groups\" }.";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<StringGraphType>>("value");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new KeyValuePair<string, string>((string)value["name"]!, (string)value["value"]!);
}
