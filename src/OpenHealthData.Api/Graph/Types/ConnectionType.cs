using GraphQL.Types;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

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
