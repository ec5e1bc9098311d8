using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace OpenHealthData.Api.Graph;

/// <summary>
/// Parsed documents that passed the size limits and validation once, by query text: a client that sends the same
/// query with new variables skips lexing, parsing and the validation rules that cannot depend on variables.
/// Bounded by the total length of the cached texts.
/// </summary>
public sealed class DocumentCache
{
    /// <summary>Query texts up to this many characters in all (about ten times that in memory for the trees).</summary>
    private const long MaxChars = 2_000_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxChars });

    public GraphQLDocument? Get(string query) => _cache.TryGetValue(query, out GraphQLDocument? document) ? document : null;

    public void Set(string query, GraphQLDocument document) =>
        _cache.Set(query, document, new MemoryCacheEntryOptions { Size = query.Length });
}
