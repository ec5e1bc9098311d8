using GraphQL;
using GraphQL.Types;
using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Search;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

public sealed class SourceCountType : ObjectGraphType<(Source Entity, int Count)>
{
    public SourceCountType()
    {
        Name = "SourceCount";
        Field<NonNullGraphType<SourceType>>("source").Resolve(c => c.Source.Entity);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}
