using Microsoft.Net.Http.Headers;

namespace OpenHealthData.Api.Serving;

/// <summary>
/// Where ASP.NET's defaults differ from RFC 9110, for every endpoint at once: HEAD is answered wherever GET is (load
/// balancers probe with it), without a body; a Range in another unit than bytes is ignored, and so is a Range whose
/// If-Range is not a validator that could match (a garbage If-Range never matches, so the whole representation is sent).
/// </summary>
public static class HttpConformance
{
    public static void UseHttpConformance(this WebApplication app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (request.Headers.Range.Count > 0 && !RangeApplies(request)) request.Headers.Remove(HeaderNames.Range);
        if (!HttpMethods.IsHead(request.Method))
        {
            await next(http);
            return;
        }
        // Routed and run as GET, with the same headers; the server sends no body for a HEAD request (RFC 9110 §9.3.2).
        request.Method = HttpMethods.Get;
        try
        {
            await next(http);
        }
        finally
        {
            request.Method = HttpMethods.Head; // for the request log
        }
    });

    /// <summary>bytes=…, and an If-Range that is a strong entity tag or a date (RFC 9110 §14.2, §13.1.5).</summary>
    private static bool RangeApplies(HttpRequest request)
    {
        if (!RangeHeaderValue.TryParse(request.Headers.Range.ToString(), out var range) ||
            !string.Equals(range.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase))
            return false;
        if (request.Headers.IfRange.Count == 0) return true;
        var ifRange = request.Headers.IfRange.ToString();
        return EntityTagHeaderValue.TryParse(ifRange, out var tag) ? !tag.IsWeak
            : HeaderUtilities.TryParseDate(ifRange, out _);
    }
}
