using GraphQL.Types;
using OpenHealthData.Api.Search;

namespace OpenHealthData.Api.Graph.Types;

public sealed class ValueCountType : ObjectGraphType<FacetCount>
{
    public ValueCountType()
    {
        Name = "ValueCount";
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}
