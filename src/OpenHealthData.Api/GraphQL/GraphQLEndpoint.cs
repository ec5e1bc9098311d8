using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Net.Http.Headers;

namespace OpenHealthData.Api.GraphQL;

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP spec): POST with JSON, GET for queries only,
/// application/graphql-response+json when the client accepts it, else application/json.
/// </summary>
public static class GraphQLEndpoint
{
    public const string GraphQLResponse = "application/graphql-response+json";

    public static void MapGraphQLEndpoint(this IEndpointRouteBuilder app, string path = "/graphql")
    {
        app.MapPost(path, async (HttpContext http) =>
        {
            if (!IsJson(http.Request.ContentType))
            {
                await WriteRequestError(http, StatusCodes.Status415UnsupportedMediaType,
                    "POST /graphql takes Content-Type: application/json with {\"query\": …, \"variables\": …, \"operationName\": …}.");
                return;
            }
            GraphQLRequest? request;
            try
            {
                request = await http.RequestServices.GetRequiredService<IGraphQLTextSerializer>()
                    .ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
            {
                await WriteRequestError(http, StatusCodes.Status400BadRequest, "The request body is not valid JSON, or not a GraphQL request object.");
                return;
            }
            await ExecuteAsync(http, request, allowOnlyQueries: false);
        }).WithName("GraphQLPost").ExcludeFromDescription();

        app.MapGet(path, async (HttpContext http) =>
        {
            var query = http.Request.Query;
            Inputs? variables = null;
            if (query["variables"].ToString() is { Length: > 0 } json)
            {
                try { variables = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>().Deserialize<Inputs>(json); }
                catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
                {
                    await WriteRequestError(http, StatusCodes.Status400BadRequest, "The 'variables' parameter is not a JSON object.");
                    return;
                }
            }
            var request = new GraphQLRequest { Query = query["query"], OperationName = query["operationName"], Variables = variables };
            await ExecuteAsync(http, request, allowOnlyQueries: true);
        }).WithName("GraphQLGet").ExcludeFromDescription();
    }

    private static async Task ExecuteAsync(HttpContext http, GraphQLRequest? request, bool allowOnlyQueries)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Query))
        {
            await WriteRequestError(http, StatusCodes.Status400BadRequest, "The request has no 'query'.");
            return;
        }
        if (allowOnlyQueries && RequestedOperation(request.Query, request.OperationName) is { } type && type != OperationType.Query)
        {
            http.Response.Headers.Allow = "POST";
            await WriteRequestError(http, StatusCodes.Status405MethodNotAllowed, $"A {type.ToString().ToLowerInvariant()} cannot be sent with GET; use POST.");
            return;
        }

        var executer = http.RequestServices.GetRequiredService<IDocumentExecuter>();
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("GraphQL");
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
            UnhandledExceptionDelegate = context =>
            {
                if (context.OriginalException is not (Querying.QueryArgumentException or OperationCanceledException))
                    logger.LogError(context.OriginalException, "Unhandled error in GraphQL request");
                return Task.CompletedTask;
            },
        });

        var graphQLResponse = Accepts(http, GraphQLResponse);
        // With application/graphql-response+json, a request that could not be executed at all is a 400 (spec §6.4.2).
        http.Response.StatusCode = graphQLResponse && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        http.Response.ContentType = (graphQLResponse ? GraphQLResponse : "application/json") + "; charset=utf-8";
        await http.RequestServices.GetRequiredService<IGraphQLTextSerializer>().WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>An error before execution (bad JSON, no query, wrong method), in the GraphQL error format.</summary>
    public static async Task WriteRequestError(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = (Accepts(http, GraphQLResponse) ? GraphQLResponse : "application/json") + "; charset=utf-8";
        var code = status == StatusCodes.Status405MethodNotAllowed ? "METHOD_NOT_ALLOWED"
            : status == StatusCodes.Status415UnsupportedMediaType ? "UNSUPPORTED_MEDIA_TYPE" : ErrorCodes.BadRequest;
        await http.Response.WriteAsJsonAsync(new { errors = new[] { new { message, extensions = new { code } } } }, http.RequestAborted);
    }

    private static OperationType? RequestedOperation(string query, string? operationName)
    {
        try
        {
            var document = Parser.Parse(query);
            var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
            var operation = operationName is null ? operations.FirstOrDefault()
                : operations.FirstOrDefault(o => o.Name?.Value == operationName);
            return operation?.Operation;
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return null; // execution reports the syntax error
        }
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) &&
        media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    public static bool Accepts(HttpContext http, string mediaType) =>
        MediaTypeHeaderValue.TryParseList(http.Request.Headers.Accept, out var accepted) &&
        accepted.Any(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase));
}
