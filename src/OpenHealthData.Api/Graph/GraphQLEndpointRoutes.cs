namespace OpenHealthData.Api.Graph;

/// <summary>Maps /graphql to the injected <see cref="GraphQLEndpoint"/> (a subclass registered in its place takes over).</summary>
public static class GraphQLEndpointRoutes
{
    public static void MapGraphQLEndpoint(this IEndpointRouteBuilder app, string path = "/graphql")
    {
        app.MapPost(path, (HttpContext http, GraphQLEndpoint endpoint) => endpoint.PostAsync(http)).WithName("GraphQLPost").ExcludeFromDescription();
        app.MapGet(path, (HttpContext http, GraphQLEndpoint endpoint) => endpoint.GetAsync(http)).WithName("GraphQLGet").ExcludeFromDescription();
    }
}
