using GraphQL.Types;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>The GraphQL types of a shape's scalar field: its output type, how its column is presented, its filter input.</summary>
public static class ScalarGraphTypes
{
    /// <summary>The output type: the column's own scalar, an enum of its closed word list, or the list its JSON text holds.</summary>
    public static Type Output(ScalarField field)
    {
        var list = field.Kind switch
        {
            ScalarKind.DimensionValues => typeof(DimensionType),
            ScalarKind.DimensionDeclarations => typeof(DimensionDeclarationType),
            ScalarKind.TextList => typeof(StringGraphType),
            _ => null,
        };
        if (list is not null)
            return typeof(NonNullGraphType<>).MakeGenericType(typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(list)));
        var scalar = field.Kind == ScalarKind.Enum ? VocabularyEnumTypes.For(field.Values!) : For(field.Type);
        return field.IsNullable ? scalar : typeof(NonNullGraphType<>).MakeGenericType(scalar);
    }

    /// <summary>Columns that hold JSON text are read into the lists their GraphQL types show.</summary>
    public static Func<object?, object?> Presenter(ScalarKind kind) => kind switch
    {
        ScalarKind.DimensionValues => text => Dimensions.Parse((string)text!),
        ScalarKind.DimensionDeclarations => text => Dimensions.ParseAllowed((string)text!).OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
        ScalarKind.TextList => text => System.Text.Json.JsonSerializer.Deserialize<List<string>>((string)text!),
        _ => value => value,
    };

    /// <summary>The filter input: the operator input of its column type (<see cref="ColumnTypes"/>), an enum's over its GraphQL enum.</summary>
    public static Type Filter(ScalarField field) =>
        field.Kind == ScalarKind.Enum ? typeof(EnumOperationFilterInputType<>).MakeGenericType(VocabularyEnumTypes.For(field.Values!))
        : field.Kind == ScalarKind.DimensionValues ? typeof(DimensionsOperationFilterInputType)
        : OperationFilterInputType.For(field.Type);

    /// <summary>The GraphQL scalar of a column type of the query language.</summary>
    public static Type For(ColumnType type) => type.Name switch
    {
        "String" or "Dimensions" => typeof(StringGraphType),
        "Int" => typeof(IntGraphType),
        "Float" => typeof(FloatGraphType),
        "Boolean" => typeof(BooleanGraphType),
        _ => throw new NotSupportedException($"No GraphQL scalar for column type {type.Name}."),
    };
}
