using GraphQL.Types;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>
/// A facet entry of search: an entity and how many matching figures it has, e.g. RegionCount { region count }.
/// One type for regions, metrics and sources, named after the entity.
/// </summary>
public sealed class EntityCountType<TEntity, TGraph> : ObjectGraphType<(TEntity Entity, int Count)> where TGraph : IGraphType
{
    public EntityCountType()
    {
        var entity = typeof(TEntity).Name;
        Name = $"{entity}Count";
        Field(char.ToLowerInvariant(entity[0]) + entity[1..], typeof(NonNullGraphType<TGraph>)).Resolve(c => c.Source.Entity);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}
