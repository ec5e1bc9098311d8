using GraphQL.Types;

namespace OpenHealthData.Api.Graph.Types;

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
