using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Serving;
using OpenHealthData.Data;

namespace OpenHealthData.Api.Graph;

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP spec): POST with JSON, GET for queries only,
/// application/graphql-response+json when the client accepts it, else application/json.
/// A browser asking for HTML gets the IDE.
/// <para>
/// Injected, and made of small overridable steps, as graphql-dotnet/server's transport is: read the request
/// (<see cref="ReadPostAsync"/>, <see cref="ReadGetAsync"/>), answer from the response cache
/// (<see cref="TryWriteCachedAsync"/>), build the options (<see cref="Options"/>), execute
/// (<see cref="ExecuteAsync"/>) and write the result (<see cref="WriteResultAsync"/>). A feature such as HTTP caching
/// or persisted queries overrides or extends a step instead of editing the whole. What the document may be (limits,
/// operation type) is checked on GraphQL.NET's own hooks: <see cref="DocumentCache"/> and <see cref="QueriesOnlyRule"/>.
/// </para>
/// </summary>
public class GraphQLEndpoint(IOptions<RequestLimits> limits, IDocumentExecuter executer, IGraphQLTextSerializer serializer,
    ResponseCache responses, HttpCaching caching, PersistedQueries persistedQueries, IWebHostEnvironment environment, ILogger<GraphQLEndpoint> logger)
{
    public const string GraphQLResponse = "application/graphql-response+json";

    protected RequestLimits Limits => limits.Value;

    /// <summary>A request as read from HTTP, or the error that answers it instead; Answered when nothing more is to be written.</summary>
    protected sealed record ReadRequest(GraphQLRequest? Request, string? CacheKey, ErrorAnswer? Error, bool Answered = false);

    /// <summary>An answer in the GraphQL error format, before execution.</summary>
    protected sealed record ErrorAnswer(int Status, string Code, string Message);

    public async Task PostAsync(HttpContext http)
    {
        caching.TryNotModified(http); // no-store: see HttpCaching
        var read = await ReadPostAsync(http);
        await HandleAsync(http, read, overGet: false);
    }

    public async Task GetAsync(HttpContext http)
    {
        if (caching.TryNotModified(http)) return;
        if (!http.Request.Query.ContainsKey("query") && Accepts(http, "text/html"))
        {
            await WriteIdeAsync(http);
            return;
        }
        await HandleAsync(http, await ReadGetAsync(http), overGet: true);
    }

    private async Task HandleAsync(HttpContext http, ReadRequest read, bool overGet)
    {
        if (read.Answered) return;
        if (read.CacheKey is { } key && await TryWriteCachedAsync(http, key)) return;
        if (read.Error is { } error)
        {
            await WriteErrorAsync(http, error);
            return;
        }
        if (await ResolvePersistedAsync(http, read.Request) is not { } request) return;
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            await WriteErrorAsync(http, new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The request has no 'query'."));
            return;
        }
        if (await ExecuteAsync(http, request, overGet) is { } result) await WriteResultAsync(http, result, read.CacheKey);
    }

    /// <summary>
    /// Automatic persisted queries and trusted documents: the query text a hash stands for (or the error that answers
    /// the request); null when the answer is written.
    /// </summary>
    protected virtual async Task<GraphQLRequest?> ResolvePersistedAsync(HttpContext http, GraphQLRequest? request)
    {
        var persisted = persistedQueries.Resolve(request?.Query, request?.Extensions);
        RequestLog.SetQueryHash(http, persisted.Hash);
        if (persisted.ErrorCode is { } code)
        {
            await WriteErrorAsync(http, new(Accepts(http, GraphQLResponse) ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, code, persisted.ErrorMessage!));
            return null;
        }
        request ??= new GraphQLRequest();
        request.Query = persisted.Query;
        return request;
    }

    /// <summary>POST: a JSON body of at most <see cref="RequestLimits.MaxRequestBodyBytes"/>, in UTF-8.</summary>
    protected virtual async Task<ReadRequest> ReadPostAsync(HttpContext http)
    {
        if (!IsJson(http.Request.ContentType))
            return Failed(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                "POST /graphql takes Content-Type: application/json with {\"query\": …, \"variables\": …, \"operationName\": …}.");
        var body = await ReadBodyAsync(http, Limits.MaxRequestBodyBytes);
        if (body.Aborted) return new(null, null, null, Answered: true); // the client sent less than it announced and left (status set)
        if (body.Bytes is null)
            return Failed(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The request body is larger than {Limits.MaxRequestBodyBytes} bytes, the limit.");
        var text = Utf8(body.Bytes);
        var notJson = Failed(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The request body is not valid JSON, or not a GraphQL request object.");
        if (text is null) return notJson;
        try
        {
            return new(serializer.Deserialize<GraphQLRequest>(text), text, null);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return (TooDeep(text) is { } levels
                ? Failed(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, $"The request body nests JSON {levels} levels deep; the limit is {MaxJsonDepth}.")
                : notJson) with { CacheKey = text };
        }
    }

    /// <summary>GET: query, variables and extensions (JSON; extensions for persisted queries) and operationName in the query string.</summary>
    protected virtual Task<ReadRequest> ReadGetAsync(HttpContext http)
    {
        var query = http.Request.Query;
        var key = http.Request.QueryString.Value ?? "";
        var inputs = new Dictionary<string, Inputs?>();
        foreach (var parameter in new[] { "variables", "extensions" })
        {
            if (query[parameter].ToString() is not { Length: > 0 } json) continue;
            try { inputs[parameter] = serializer.Deserialize<Inputs>(json); }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
            {
                var message = TooDeep(json) is { } levels
                    ? $"The '{parameter}' parameter nests JSON {levels} levels deep; the limit is {MaxJsonDepth}."
                    : $"The '{parameter}' parameter is not a JSON object.";
                return Task.FromResult(Failed(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, message) with { CacheKey = key });
            }
        }
        return Task.FromResult(new ReadRequest(new GraphQLRequest
        {
            Query = query["query"], OperationName = query["operationName"],
            Variables = inputs.GetValueOrDefault("variables"), Extensions = inputs.GetValueOrDefault("extensions"),
        }, key, null));
    }

    private static ReadRequest Failed(int status, string code, string message) => new(null, null, new(status, code, message));

    /// <summary>The JSON reader's depth limit (System.Text.Json's default, which the GraphQL serializer keeps).</summary>
    private const int MaxJsonDepth = 64;

    /// <summary>
    /// How deep JSON that the serializer refused is nested, when that is why (valid JSON past the reader's depth limit
    /// is otherwise reported as not JSON at all); null when it is within the limit or not well-formed.
    /// </summary>
    private static int? TooDeep(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = int.MaxValue });
        var levels = 0;
        try
        {
            while (reader.Read())
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) levels = Math.Max(levels, reader.CurrentDepth + 1);
        }
        catch (JsonException)
        {
            return null;
        }
        return levels > MaxJsonDepth ? levels : null;
    }

    /// <summary>The IDE, for a browser that opens /graphql.</summary>
    protected virtual async Task WriteIdeAsync(HttpContext http)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.SendFileAsync(environment.WebRootFileProvider.GetFileInfo("graphiql/index.html"));
    }

    /// <summary>The execution options of a request: only queries, within the argument limits, over GET and POST alike, on cached documents too.</summary>
    protected virtual ExecutionOptions Options(HttpContext http, GraphQLRequest request, bool overGet, CancellationToken ct)
    {
        var operations = overGet ? QueriesOnlyRule.OverGet : QueriesOnlyRule.OverPost;
        return new ExecutionOptions
        {
            Query = request.Query,
            // The argument sizes first: no other rule parses a list before its length is known to be within the limit.
            ValidationRules = [new ArgumentLimitsRule(Limits), .. DocumentValidator.CoreRules, operations],
            CachedDocumentValidationRules = [new ArgumentLimitsRule(Limits, variablesOnly: true), operations],
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            CancellationToken = ct,
            UnhandledExceptionDelegate = context =>
            {
                if (context.OriginalException is not (QueryArgumentException or OperationCanceledException))
                    logger.LogError(context.OriginalException, "Unhandled error in GraphQL request");
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>Runs the request within <see cref="RequestLimits.ExecutionTimeoutSeconds"/>; null when the answer is already written.</summary>
    protected virtual async Task<ExecutionResult?> ExecuteAsync(HttpContext http, GraphQLRequest request, bool overGet)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(Limits.ExecutionTimeoutSeconds));
        using var interrupt = ReadConnections.CancelWith(timeout.Token); // reaches a statement running in SQLite
        try
        {
            return await executer.ExecuteAsync(Options(http, request, overGet, timeout.Token));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return null; // the client went away; its context and connection are released with the request scope
        }
        catch (OperationCanceledException)
        {
            await WriteErrorAsync(http, new(StatusCodes.Status503ServiceUnavailable, "TIMEOUT",
                $"The query ran longer than {Limits.ExecutionTimeoutSeconds} s, the limit. Ask for fewer rows, or download a snapshot."));
            return null;
        }
    }

    /// <summary>The result: 405 for a mutation over GET; else 200, or 400 when it could not run and the client takes graphql-response+json (spec §6.4.2). Successes are kept in the response cache.</summary>
    protected virtual async Task WriteResultAsync(HttpContext http, ExecutionResult result, string? cacheKey)
    {
        if (result.Errors?.OfType<OperationNotAllowedError>().FirstOrDefault(e => e.OverGet) is { } overGet)
        {
            http.Response.Headers.Allow = "POST";
            await WriteErrorAsync(http, new(StatusCodes.Status405MethodNotAllowed, overGet.Code!, overGet.Message));
            return;
        }
        http.Response.StatusCode = result.Errors?.Any(e => e.Code == ErrorCodes.RateLimited) == true ? StatusCodes.Status429TooManyRequests
            : Accepts(http, GraphQLResponse) && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        var contentType = ResponseType(http);
        http.Response.ContentType = contentType;
        if (cacheKey is null || !result.Executed || result.Errors is { Count: > 0 })
        {
            await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
            return;
        }
        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, http.RequestAborted);
        var entry = new ResponseCache.Entry(buffer.ToArray(), contentType);
        responses.Set(ResponseCache.Key(contentType, cacheKey), entry);
        await WriteEntryAsync(http, entry);
    }

    /// <summary>Answers from the response cache when this exact request has succeeded before.</summary>
    protected virtual async Task<bool> TryWriteCachedAsync(HttpContext http, string request)
    {
        if (responses.Get(ResponseCache.Key(ResponseType(http), request)) is not { } entry) return false;
        await WriteEntryAsync(http, entry);
        return true;
    }

    protected virtual Task WriteEntryAsync(HttpContext http, ResponseCache.Entry entry)
    {
        if (HttpCaching.TryNotModifiedAny(http)) return Task.CompletedTask;
        HttpCaching.Succeeded(http);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = entry.ContentType;
        http.Response.ContentLength = entry.Body.Length;
        return http.Response.Body.WriteAsync(entry.Body, http.RequestAborted).AsTask();
    }

    /// <summary>An error before execution (bad JSON, no query, wrong method, a timeout), in the GraphQL error format.</summary>
    protected virtual async Task WriteErrorAsync(HttpContext http, ErrorAnswer error)
    {
        http.Response.StatusCode = error.Status;
        http.Response.ContentType = ResponseType(http);
        await http.Response.WriteAsJsonAsync(new { errors = new[] { new { message = error.Message, extensions = new { code = error.Code } } } }, http.RequestAborted);
    }

    private static string? Utf8(byte[] bytes)
    {
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }

    /// <summary>At most <paramref name="limit"/> bytes: Bytes null when the body is larger; Aborted when the client left mid-body.</summary>
    private static async Task<(byte[]? Bytes, bool Aborted)> ReadBodyAsync(HttpContext http, int limit)
    {
        if (http.Request.ContentLength > limit) return (null, false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit) return (null, false);
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) // the client sent less than it announced and left: its problem, not a server error
        {
            http.Response.StatusCode = e.StatusCode;
            return (null, true);
        }
        return (buffer.ToArray(), false);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) &&
        media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>application/graphql-response+json when the client accepts it, else application/json (spec §6.4).</summary>
    protected static string ResponseType(HttpContext http) =>
        (Accepts(http, GraphQLResponse) ? GraphQLResponse : "application/json") + "; charset=utf-8";

    public static bool Accepts(HttpContext http, string mediaType) =>
        MediaTypeHeaderValue.TryParseList(http.Request.Headers.Accept, out var accepted) &&
        accepted.Any(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase));
}
