using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace OpenHealthData.Api.Serving;

/// <summary>
/// HTTP caching of answers that depend only on the request and the data version: a successful GET gets
/// <c>Cache-Control: public, max-age</c>, a strong ETag of data version and request, and <c>Vary</c> on the headers
/// that change its bytes; a matching <c>If-None-Match</c> is answered 304 before any work is done. Everything else
/// (errors, POST) is <c>no-store</c>: an error may be transient, and a POST's body, which HTTP caches do not key on,
/// is the request.
/// </summary>
public sealed class HttpCaching(IOptions<HttpCachingOptions> options, IDataVersion data)
{
    private const string SucceededItem = "HttpCaching.Succeeded";
    public const string Vary = "Accept, Accept-Encoding";

    /// <summary>
    /// Call before the request's work. Sets the caching headers when the answer starts, and answers 304 (returning true)
    /// when the client already holds this answer.
    /// </summary>
    public bool TryNotModified(HttpContext http)
    {
        var response = http.Response;
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            response.Headers.CacheControl = "no-store";
            return false;
        }
        var etag = ETag(http.Request);
        var cacheable = $"public, max-age={options.Value.MaxAgeSeconds}";
        response.OnStarting(() =>
        {
            response.Headers.Vary = Vary;
            if (response.StatusCode == StatusCodes.Status304NotModified ||
                (response.StatusCode == StatusCodes.Status200OK && http.Items.ContainsKey(SucceededItem)))
            {
                response.Headers.CacheControl = cacheable;
                response.Headers.ETag = etag;
            }
            else
                response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        if (!Matches(http.Request.Headers.IfNoneMatch, etag)) return false;
        response.StatusCode = StatusCodes.Status304NotModified;
        return true;
    }

    /// <summary>The answer being written is a success that may be cached (not an error, not a partial result).</summary>
    public static void Succeeded(HttpContext http) => http.Items[SucceededItem] = true;

    /// <summary>
    /// Call when a success is about to be written: <c>If-None-Match: *</c> (the client holds some answer, whichever)
    /// makes it a 304 (returning true). Only here, never before the work: "*" matches only when there is a
    /// representation, so an error (404, 400, 405) is answered in full (RFC 9110 §13.1.2).
    /// </summary>
    public static bool TryNotModifiedAny(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)) return false;
        if (!EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var tags) || !tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
            return false;
        Succeeded(http);
        http.Response.StatusCode = StatusCodes.Status304NotModified;
        return true;
    }

    /// <summary>
    /// Data version plus a hash of everything that selects the bytes: path, query string, Accept and Accept-Encoding
    /// (so each encoding has its own strong tag).
    /// </summary>
    public string ETag(HttpRequest request)
    {
        var key = $"{request.Path}{request.QueryString}\n{request.Headers.Accept}\n{request.Headers.AcceptEncoding}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return $"\"{data.DataVersion}-{Convert.ToHexStringLower(hash, 0, 12)}\"";
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag) =>
        ifNoneMatch.Count > 0 && EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags) &&
        tags.Any(t => t.Tag.Equals(etag, StringComparison.Ordinal)); // weak comparison (RFC 9110 §13.1.2); "*": TryNotModifiedAny
}
