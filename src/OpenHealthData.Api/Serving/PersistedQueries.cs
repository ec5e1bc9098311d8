using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace OpenHealthData.Api.Serving;

/// <summary>
/// Persisted queries as Apollo clients speak them: a request may carry
/// <c>extensions.persistedQuery { version: 1, sha256Hash }</c> instead of (or beside) its text. A hash alone runs
/// the document registered under it, or gets <c>PERSISTED_QUERY_NOT_FOUND</c>, and the client sends hash and text
/// once to register it (the hash is checked against the text). In trusted-documents mode only the documents of a
/// manifest run. Registrations are per process: behind a load balancer a client may have to register once per replica.
/// </summary>
public sealed class PersistedQueries
{
    public const string NotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string TrustedDocumentRequired = "TRUSTED_DOCUMENT_REQUIRED";
    public const string BadRequest = "BAD_REQUEST";

    private readonly IReadOnlyDictionary<string, string>? _trusted;
    private readonly MemoryCache _registered;

    public PersistedQueries(IOptions<PersistedQueryOptions> options)
    {
        _registered = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.MaxRegisteredChars) });
        if (options.Value.TrustedDocuments is { Length: > 0 } path) _trusted = ReadManifest(path);
    }

    public bool TrustedOnly => _trusted is not null;

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The document to run for this request's query text and extensions.</summary>
    public PersistedQueryResult Resolve(string? query, IReadOnlyDictionary<string, object?>? extensions)
    {
        if (extensions is null || !extensions.TryGetValue("persistedQuery", out var persisted) || persisted is null)
        {
            if (query is null) return new(null, null);
            var hash = Sha256(query);
            return _trusted is null || _trusted.ContainsKey(hash) ? new(query, hash) : Untrusted();
        }
        if (persisted is not IReadOnlyDictionary<string, object?> fields ||
            !fields.TryGetValue("version", out var version) || Convert.ToString(version, System.Globalization.CultureInfo.InvariantCulture) != "1" ||
            !fields.TryGetValue("sha256Hash", out var value) || value is not string requested ||
            requested.Length != 64 || !requested.All(char.IsAsciiHexDigit))
            return PersistedQueryResult.Error(BadRequest, "extensions.persistedQuery needs \"version\": 1 and a \"sha256Hash\" of 64 hexadecimal digits.");
        requested = requested.ToLowerInvariant();

        if (query is not null)
        {
            if (Sha256(query) != requested)
                return PersistedQueryResult.Error(BadRequest, "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query text.");
            if (_trusted is not null) return _trusted.ContainsKey(requested) ? new(query, requested) : Untrusted();
            _registered.Set(requested, query, new MemoryCacheEntryOptions { Size = query.Length });
            return new(query, requested);
        }
        if (_trusted is not null)
            return _trusted.TryGetValue(requested, out var trusted) ? new(trusted, requested) : PersistedQueryResult.Error(NotFound, "PersistedQueryNotFound");
        return _registered.TryGetValue(requested, out string? registered)
            ? new(registered, requested)
            : PersistedQueryResult.Error(NotFound, "PersistedQueryNotFound"); // the message Apollo clients look for
    }

    private static PersistedQueryResult Untrusted() => PersistedQueryResult.Error(TrustedDocumentRequired,
        "This server runs trusted documents only: send the sha256Hash of a document from its manifest in extensions.persistedQuery.");

    /// <summary>
    /// Reads Apollo's manifest (<c>{"format": "apollo-persisted-query-manifest", "operations": [{"id", "body"}]}</c>) or a
    /// plain object of hash → document, and checks every hash against its document.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ReadManifest(string path)
    {
        JsonElement root;
        try { root = JsonDocument.Parse(File.ReadAllText(path)).RootElement; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InvalidOperationException($"PersistedQueries:TrustedDocuments: cannot read {path}: {e.Message}", e);
        }
        var documents = new Dictionary<string, string>();
        IEnumerable<(string Id, string? Body)> entries = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("operations", out var operations)
            ? operations.EnumerateArray().Select(o => (o.GetProperty("id").GetString() ?? "", o.GetProperty("body").GetString()))
            : root.ValueKind == JsonValueKind.Object
                ? root.EnumerateObject().Select(p => (p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null))
                : throw new InvalidOperationException($"PersistedQueries:TrustedDocuments: {path} is neither an Apollo manifest nor an object of hash → document.");
        try
        {
            foreach (var (id, body) in entries)
            {
                if (body is null || Sha256(body) != id.ToLowerInvariant())
                    throw new FormatException($"'{id}' is not the SHA-256 of its document");
                documents[id.ToLowerInvariant()] = body;
            }
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidOperationException($"PersistedQueries:TrustedDocuments: {path}: {e.Message}.", e);
        }
        return documents;
    }
}
