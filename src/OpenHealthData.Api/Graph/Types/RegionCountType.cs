using GraphQL;
using GraphQL.Types;
using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Search;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

public sealed class RegionCountType : ObjectGraphType<(Region Entity, int Count)>
{
    public RegionCountType()
    {
        Name = "RegionCount";
        Field<NonNullGraphType<RegionType>>("region").Resolve(c => c.Source.Entity);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}
