using System.Linq.Expressions;

namespace OpenHealthData.Api.Querying;

/// <summary>
/// A to-one navigation that filters and sorting can follow into another entity; <paramref name="ForeignKey"/>
/// is the column that holds the referenced row's key.
/// </summary>
public sealed record ReferenceField(string Name, string Description, LambdaExpression Selector, LambdaExpression ForeignKey)
{
    public Type Target => Selector.ReturnType;
}
