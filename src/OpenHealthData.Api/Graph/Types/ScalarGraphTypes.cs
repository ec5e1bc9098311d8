using GraphQL.Types;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>The GraphQL scalar of each field type of the query language.</summary>
public static class ScalarGraphTypes
{
    public static Type For(ColumnType type) => type.Name switch
    {
        "String" => typeof(StringGraphType),
        "Int" => typeof(IntGraphType),
        "Float" => typeof(FloatGraphType),
        "Boolean" => typeof(BooleanGraphType),
        _ => throw new NotSupportedException($"No GraphQL scalar for field type {type.Name}."),
    };
}
