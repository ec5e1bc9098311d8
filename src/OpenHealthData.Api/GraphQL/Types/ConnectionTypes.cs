using GraphQL.Types;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.GraphQL.Types;

public sealed class ConnectionType<TNode, TNodeGraph> : ObjectGraphType<Connection<TNode>> where TNodeGraph : IGraphType
{
    public ConnectionType()
    {
        var name = Shapes.For(typeof(TNode)).Name;
        Name = $"{name}Connection";
        Description = $"A page of {name} rows (Relay cursor connection).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraph>>>>("nodes").Description("The rows of this page.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNode, TNodeGraph>>>>>("edges").Description("The rows with their cursors.").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Rows that match the filter, over all pages.")
            .ResolveAsync(async c => await c.Source.TotalCountAsync(c.CancellationToken));
    }
}

public sealed class EdgeType<TNode, TNodeGraph> : ObjectGraphType<Edge<TNode>> where TNodeGraph : IGraphType
{
    public EdgeType()
    {
        Name = $"{Shapes.For(typeof(TNode)).Name}Edge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeGraph>>("node").Resolve(c => c.Source.Node);
    }
}

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor").Resolve(c => c.Source.EndCursor);
    }
}
