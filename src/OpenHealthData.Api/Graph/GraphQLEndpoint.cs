using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OpenHealthData.Api.Serving;

namespace OpenHealthData.Api.Graph;

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP spec): POST with JSON, GET for queries only,
/// application/graphql-response+json when the client accepts it, else application/json.
/// A browser asking for HTML gets the IDE.
/// </summary>
public static class GraphQLEndpoint
{
    public const string GraphQLResponse = "application/graphql-response+json";

    public static void MapGraphQLEndpoint(this IEndpointRouteBuilder app, string path = "/graphql")
    {
        app.MapPost(path, async (HttpContext http, IOptions<RequestLimits> limits, HttpCaching caching) =>
        {
            caching.TryNotModified(http); // no-store: see HttpCaching
            if (!IsJson(http.Request.ContentType))
            {
                await WriteError(http, StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                    "POST /graphql takes Content-Type: application/json with {\"query\": …, \"variables\": …, \"operationName\": …}.");
                return;
            }
            byte[]? body;
            try { body = await ReadBodyAsync(http, limits.Value.MaxRequestBodyBytes); }
            catch (BadHttpRequestException e) // the client sent less than it announced and left: its problem, not a server error
            {
                http.Response.StatusCode = e.StatusCode;
                return;
            }
            var text = body is null ? null : Utf8(body);
            if (text is not null && await TryCachedAsync(http, text)) return;
            if (body is null)
            {
                await WriteError(http, StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE",
                    $"The request body is larger than {limits.Value.MaxRequestBodyBytes} bytes, the limit.");
                return;
            }
            GraphQLRequest? request;
            try
            {
                request = text is null ? null : http.RequestServices.GetRequiredService<IGraphQLTextSerializer>().Deserialize<GraphQLRequest>(text);
                if (text is null) throw new FormatException("not UTF-8");
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
            {
                await WriteError(http, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The request body is not valid JSON, or not a GraphQL request object.");
                return;
            }
            await ExecuteAsync(http, request, allowOnlyQueries: false, limits.Value, cacheKey: text);
        }).WithName("GraphQLPost").ExcludeFromDescription();

        app.MapGet(path, async (HttpContext http, IOptions<RequestLimits> limits, IWebHostEnvironment env, HttpCaching caching) =>
        {
            if (caching.TryNotModified(http)) return;
            var query = http.Request.Query;
            if (await TryCachedAsync(http, http.Request.QueryString.Value ?? "")) return;
            if (!query.ContainsKey("query") && Accepts(http, "text/html"))
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.SendFileAsync(env.WebRootFileProvider.GetFileInfo("graphiql/index.html"));
                return;
            }
            var inputs = new Dictionary<string, Inputs?>(); // variables and (persisted queries) extensions, as JSON
            foreach (var parameter in new[] { "variables", "extensions" })
            {
                if (query[parameter].ToString() is not { Length: > 0 } json) continue;
                try { inputs[parameter] = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>().Deserialize<Inputs>(json); }
                catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
                {
                    await WriteError(http, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, $"The '{parameter}' parameter is not a JSON object.");
                    return;
                }
            }
            var request = new GraphQLRequest
            {
                Query = query["query"], OperationName = query["operationName"],
                Variables = inputs.GetValueOrDefault("variables"), Extensions = inputs.GetValueOrDefault("extensions"),
            };
            await ExecuteAsync(http, request, allowOnlyQueries: true, limits.Value, cacheKey: http.Request.QueryString.Value);
        }).WithName("GraphQLGet").ExcludeFromDescription();
    }

    private static async Task ExecuteAsync(HttpContext http, GraphQLRequest? request, bool allowOnlyQueries, RequestLimits limits, string? cacheKey)
    {
        var persisted = http.RequestServices.GetRequiredService<PersistedQueries>().Resolve(request?.Query, request?.Extensions);
        RequestLog.SetQueryHash(http, persisted.Hash);
        if (persisted.ErrorCode is { } code)
        {
            await WriteError(http, Accepts(http, GraphQLResponse) ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, code, persisted.ErrorMessage!);
            return;
        }
        if (request is not null) request.Query = persisted.Query;
        if (request is null || string.IsNullOrWhiteSpace(request.Query))
        {
            await WriteError(http, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The request has no 'query'.");
            return;
        }
        var documents = http.RequestServices.GetRequiredService<DocumentCache>();
        var cached = documents.Get(request.Query);
        var (document, rejection) = cached is null ? Parse(request.Query, limits) : (cached, null);
        if (rejection is { } limit)
        {
            await WriteError(http, Accepts(http, GraphQLResponse) ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, limit.Code, limit.Message);
            return;
        }
        if (document is not null && RequestedOperation(document, request.OperationName) is { } type && type != OperationType.Query)
        {
            if (allowOnlyQueries)
            {
                http.Response.Headers.Allow = "POST";
                await WriteError(http, StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", $"A {type.ToString().ToLowerInvariant()} cannot be sent with GET; use POST.");
            }
            else
                await WriteError(http, Accepts(http, GraphQLResponse) ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, ErrorCodes.ValidationFailed,
                    $"This API is read-only: it has no {type.ToString().ToLowerInvariant()} operations.");
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(limits.ExecutionTimeoutSeconds));
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("GraphQL");
        ExecutionResult result;
        try
        {
            result = await http.RequestServices.GetRequiredService<IDocumentExecuter>().ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                Document = document,
                // A cached document passed every rule once; the rules that read variables (complexity with
                // first: $n) are added again by their own configuration.
                ValidationRules = cached is null ? null : [],
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                RequestServices = http.RequestServices,
                CancellationToken = timeout.Token,
                UnhandledExceptionDelegate = context =>
                {
                    if (context.OriginalException is not (Querying.QueryArgumentException or OperationCanceledException))
                        logger.LogError(context.OriginalException, "Unhandled error in GraphQL request");
                    return Task.CompletedTask;
                },
            });
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away; its context and connection are released with the request scope
        }
        catch (OperationCanceledException)
        {
            await WriteError(http, StatusCodes.Status503ServiceUnavailable, "TIMEOUT",
                $"The query ran longer than {limits.ExecutionTimeoutSeconds} s, the limit. Ask for fewer rows, or download a snapshot.");
            return;
        }

        if (cached is null && document is not null && result.Executed) documents.Set(request.Query, document);

        var graphQLResponse = Accepts(http, GraphQLResponse);
        // With application/graphql-response+json, a request that could not be executed at all is a 400 (spec §6.4.2).
        http.Response.StatusCode = result.Errors?.Any(e => e.Code == ErrorCodes.RateLimited) == true ? StatusCodes.Status429TooManyRequests
            : graphQLResponse && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        var contentType = ResponseType(http);
        http.Response.ContentType = contentType;
        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        if (cacheKey is null || !result.Executed || result.Errors is { Count: > 0 })
        {
            await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
            return;
        }
        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, http.RequestAborted);
        var entry = new ResponseCache.Entry(buffer.ToArray(), contentType);
        http.RequestServices.GetRequiredService<ResponseCache>().Set(ResponseCache.Key(contentType, cacheKey), entry);
        await WriteAsync(http, entry);
    }

    /// <summary>Answers from the cache when this exact request has succeeded before.</summary>
    private static async Task<bool> TryCachedAsync(HttpContext http, string request)
    {
        var contentType = ResponseType(http);
        if (http.RequestServices.GetRequiredService<ResponseCache>().Get(ResponseCache.Key(contentType, request)) is not { } entry) return false;
        await WriteAsync(http, entry);
        return true;
    }

    private static Task WriteAsync(HttpContext http, ResponseCache.Entry entry)
    {
        HttpCaching.Succeeded(http);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = entry.ContentType;
        http.Response.ContentLength = entry.Body.Length;
        return http.Response.Body.WriteAsync(entry.Body, http.RequestAborted).AsTask();
    }

    private sealed record Rejection(string Code, string Message);

    /// <summary>
    /// Checks the document's size before anything else reads it, then parses it once for execution.
    /// Syntax errors are left to the executer, which reports them with their location.
    /// </summary>
    private static (GraphQLDocument? Document, Rejection? Rejection) Parse(string query, RequestLimits limits)
    {
        var bytes = Encoding.UTF8.GetByteCount(query);
        if (bytes > limits.MaxDocumentBytes)
            return (null, new("DOCUMENT_TOO_LARGE", $"The document has {bytes} bytes; the limit is {limits.MaxDocumentBytes}."));
        var tokens = 0;
        try
        {
            for (var token = Lexer.Lex(query, 0); token.Kind != TokenKind.EOF; token = Lexer.Lex(query, token.End))
                if (++tokens > limits.MaxTokens)
                    return (null, new("DOCUMENT_TOO_LARGE", $"The document has more than {limits.MaxTokens} tokens, the limit."));
            // Locations are kept: a validation error reports the line and column of its node from them.
            var document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = 4 * limits.MaxDepth + 16 });
            var aliases = CountAliases(document);
            return aliases > limits.MaxAliases
                ? (null, new("TOO_MANY_ALIASES", $"The document has {aliases} aliases; the limit is {limits.MaxAliases}."))
                : (document, null);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return (null, new("QUERY_TOO_DEEP", $"The document is nested too deeply; the limit is {limits.MaxDepth} levels of fields."));
        }
        catch (GraphQLSyntaxErrorException)
        {
            return (null, null);
        }
    }

    private static int CountAliases(ASTNode node) => node switch
    {
        GraphQLField field => (field.Alias is null ? 0 : 1) + (field.SelectionSet is null ? 0 : CountAliases(field.SelectionSet)),
        GraphQLSelectionSet set => set.Selections.Sum(CountAliases),
        GraphQLOperationDefinition op => CountAliases(op.SelectionSet),
        GraphQLFragmentDefinition fragment => CountAliases(fragment.SelectionSet),
        GraphQLInlineFragment inline => CountAliases(inline.SelectionSet),
        GraphQLDocument document => document.Definitions.Sum(CountAliases),
        _ => 0,
    };

    private static string? Utf8(byte[] bytes)
    {
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is larger.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http, int limit)
    {
        if (http.Request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>An error before execution (bad JSON, no query, a limit, wrong method), in the GraphQL error format.</summary>
    public static async Task WriteError(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = ResponseType(http);
        await http.Response.WriteAsJsonAsync(new { errors = new[] { new { message, extensions = new { code } } } }, http.RequestAborted);
    }

    private static OperationType? RequestedOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null ? operations.FirstOrDefault() : operations.FirstOrDefault(o => o.Name?.Value == operationName);
        return operation?.Operation;
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) &&
        media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>application/graphql-response+json when the client accepts it, else application/json (spec §6.4).</summary>
    private static string ResponseType(HttpContext http) =>
        (Accepts(http, GraphQLResponse) ? GraphQLResponse : "application/json") + "; charset=utf-8";

    public static bool Accepts(HttpContext http, string mediaType) =>
        MediaTypeHeaderValue.TryParseList(http.Request.Headers.Accept, out var accepted) &&
        accepted.Any(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase));
}
