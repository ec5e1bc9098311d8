using GraphQL;
using GraphQL.Types;
using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Search;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

public sealed class MetricCountType : ObjectGraphType<(Metric Entity, int Count)>
{
    public MetricCountType()
    {
        Name = "MetricCount";
        Field<NonNullGraphType<MetricType>>("metric").Resolve(c => c.Source.Entity);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}
