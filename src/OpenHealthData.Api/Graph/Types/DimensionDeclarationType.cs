using GraphQL.Types;

namespace OpenHealthData.Api.Graph.Types;

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
