using Microsoft.AspNetCore.WebUtilities;
using OpenHealthData.Api.Explore;
using OpenHealthData.Api.Graph;

namespace OpenHealthData.Api.Hosting;

/// <summary>
/// The body of an error that has none (no route: 404; wrong method: 405 …): problem+json on API paths and for
/// every client that does not ask for HTML, whatever its Accept says; the explorer's own page for a browser.
/// </summary>
public static class ErrorPages
{
    public static void UseErrorPages(this WebApplication app) => app.UseStatusCodePages(async context =>
    {
        var http = context.HttpContext;
        var (status, path) = (http.Response.StatusCode, http.Request.Path.Value ?? "/");
        var allowed = http.Response.Headers.Allow.ToString();
        http.Response.Headers.CacheControl = "no-store"; // a 404 is cacheable by default (RFC 9111 §4.2.2); ours may be a typo
        if (!IsApi(http.Request.Path) && GraphQLEndpoint.Accepts(http, "text/html"))
        {
            var page = new ExploreRequest(http);
            var message = status switch
            {
                StatusCodes.Status404NotFound => page.Zh ? $"这里没有页面：{path}" : $"There is no page at {path}.",
                StatusCodes.Status405MethodNotAllowed => page.Zh ? $"{path} 不接受 {http.Request.Method} 请求。" : $"{path} does not take {http.Request.Method} requests.",
                _ => ReasonPhrases.GetReasonPhrase(status),
            };
            await ExploreEndpoints.Problem(page, status, message).ExecuteAsync(http);
            return;
        }
        var detail = status switch
        {
            StatusCodes.Status404NotFound => $"There is nothing at {path}. The API is at /graphql and /api/v1 (see /swagger).",
            StatusCodes.Status405MethodNotAllowed => $"{path} does not take {http.Request.Method}{(allowed.Length > 0 ? $"; it takes {allowed}" : "")}.",
            _ => null,
        };
        await Results.Problem(detail: detail, statusCode: status).ExecuteAsync(http);
    });

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/graphql");
}
