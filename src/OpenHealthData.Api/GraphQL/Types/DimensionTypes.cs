using GraphQL.Types;

namespace OpenHealthData.Api.GraphQL.Types;

/// <summary>One dimension of a figure, e.g. population = key_groups.</summary>
public sealed class DimensionType : ObjectGraphType<KeyValuePair<string, string>>
{
    public DimensionType()
    {
        Name = "Dimension";
        Description = "One dimension of a figure, e.g. { name: \"population\", value: \"key_groups\" }.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(c => c.Source.Value);
    }
}

/// <summary>A dimension a metric declares, with its allowed values.</summary>
public sealed class DimensionDeclarationType : ObjectGraphType<KeyValuePair<string, IReadOnlyList<string>>>
{
    public DimensionDeclarationType()
    {
        Name = "DimensionDeclaration";
        Description = "A dimension of a metric and the values it takes.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("values").Resolve(c => c.Source.Value);
    }
}

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
