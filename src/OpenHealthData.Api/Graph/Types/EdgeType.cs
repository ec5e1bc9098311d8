using GraphQL.Types;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

public sealed class EdgeType<TNode, TNodeGraph> : ObjectGraphType<Edge<TNode>> where TNodeGraph : IGraphType
{
    public EdgeType()
    {
        Name = $"{Shapes.For(typeof(TNode)).Name}Edge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeGraph>>("node").Resolve(c => c.Source.Node);
    }
}
