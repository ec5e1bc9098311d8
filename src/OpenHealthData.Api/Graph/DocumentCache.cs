using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace OpenHealthData.Api.Graph;

/// <summary>
/// Parsed documents that passed the size limits and validation once, by query text, on GraphQL.NET's execution hook:
/// a client that sends the same query with new variables skips lexing, parsing and every validation rule but those in
/// <see cref="ExecutionOptions.CachedDocumentValidationRules"/> (the operation check) and the complexity analyzer,
/// which reads variables (first: $n). A new document is read within the limits (<see cref="DocumentLimits"/>).
/// Bounded by the total length of the cached texts.
/// </summary>
public sealed class DocumentCache(IOptions<RequestLimits> limits) : IConfigureExecution
{
    /// <summary>Query texts up to this many characters in all (about ten times that in memory for the trees).</summary>
    private const long MaxChars = 2_000_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxChars });

    public GraphQLDocument? Get(string query) => _cache.TryGetValue(query, out GraphQLDocument? document) ? document : null;

    public void Set(string query, GraphQLDocument document) =>
        _cache.Set(query, document, new MemoryCacheEntryOptions { Size = query.Length });

    /// <summary>
    /// Before the other configurations: the complexity analyzer's (order 100) then adds its rule to the rules of a
    /// cached document as well, since a document's cost depends on its variables (first: $n).
    /// </summary>
    public float SortOrder => 50;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query) return await next(options);
        if (Get(query) is { } cached)
        {
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options);
        }
        var (document, rejection) = DocumentLimits.Parse(query, limits.Value);
        if (rejection is not null) return new ExecutionResult { Errors = [rejection], Executed = false };
        options.Document = document; // null for a syntax error: the executer parses it again to report where
        var result = await next(options);
        if (result.Executed && document is not null) Set(query, document);
        return result;
    }
}
