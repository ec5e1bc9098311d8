using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace OpenHealthData.Api.Graph;

/// <summary>
/// Answers of successful GraphQL requests, by the exact request: the database never changes while the API
/// runs, so the same request always has the same answer. Bounded in bytes; errors are never cached, so every
/// failing request is checked again in full.
/// </summary>
public sealed class ResponseCache(IOptions<ResponseCacheOptions> options)
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.MaxBytes });

    public sealed record Entry(byte[] Body, string ContentType);

    public bool Enabled => options.Value.MaxBytes > 0;

    /// <summary>The request as the key: method-independent text of query, variables and operation, plus the media type asked for.</summary>
    public static string Key(string mediaType, string request) => mediaType + "\n" + request;

    public Entry? Get(string key) => Enabled && _cache.TryGetValue(key, out Entry? entry) ? entry : null;

    public void Set(string key, Entry entry)
    {
        if (!Enabled || entry.Body.Length > options.Value.MaxEntryBytes) return;
        _cache.Set(key, entry, new MemoryCacheEntryOptions { Size = entry.Body.Length + key.Length * 2 });
    }
}
