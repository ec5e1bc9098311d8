using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace OpenHealthData.Api.Serving;

/// <summary>
/// One structured log line per request: request id, method, path, status, duration, client address (after trusted
/// proxies) and, for GraphQL, the SHA-256 of the document. The request id is the caller's X-Request-Id when it
/// looks like one (nginx's $request_id, a load balancer's trace id), else the server's own; it is sent back.
/// With Logging:Console:FormatterName=json each field is a JSON property.
/// </summary>
public static partial class RequestLog
{
    public const string Category = "OpenHealthData.Requests";
    private const string QueryHashItem = "RequestLog.QueryHash";

    public static void SetQueryHash(HttpContext http, string? hash)
    {
        if (hash is not null) http.Items[QueryHashItem] = hash;
    }

    public static void UseRequestLog(this WebApplication app)
    {
        var enabled = app.Services.GetRequiredService<IOptions<RequestLogOptions>>().Value.Enabled;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        app.Use(async (http, next) =>
        {
            if (http.Request.Headers["X-Request-Id"].ToString() is { } id && RequestId().IsMatch(id)) http.TraceIdentifier = id;
            http.Response.Headers["X-Request-Id"] = http.TraceIdentifier;
            if (!enabled) { await next(http); return; }
            var started = Stopwatch.GetTimestamp();
            try { await next(http); }
            finally
            {
                logger.LogInformation("{RequestId} {Method} {Path} {Status} {DurationMs} ms {Client} {QueryHash}",
                    http.TraceIdentifier, http.Request.Method, http.Request.Path.Value, http.Response.StatusCode,
                    Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2),
                    http.Connection.RemoteIpAddress?.ToString(), http.Items.TryGetValue(QueryHashItem, out var hash) ? hash : null);
            }
        });
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex RequestId();
}
