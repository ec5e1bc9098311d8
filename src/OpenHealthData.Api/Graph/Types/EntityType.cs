using System.Linq.Expressions;
using GraphQL.Types;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>An entity's scalar fields, generated from its <see cref="EntityShape"/>; subclasses add navigations.</summary>
public abstract class EntityType<T> : ObjectGraphType<T>
{
    protected EntityType(string description)
    {
        var shape = Shapes.For(typeof(T));
        Name = shape.Name;
        Description = description;
        foreach (var scalar in shape.Scalars)
        {
            var read = Expression.Lambda<Func<T, object?>>(Expression.Convert(scalar.Selector.Body, typeof(object)), scalar.Selector.Parameters).Compile();
            var present = ScalarGraphTypes.Presenter(scalar.Kind);
            Field(scalar.Name, ScalarGraphTypes.Output(scalar)).Description(scalar.Description).Resolve(new PlainFieldResolver<T>(row => present(read(row))));
        }
    }
}
