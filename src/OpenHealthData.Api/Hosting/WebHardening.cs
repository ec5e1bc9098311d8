using System.Globalization;
using System.Threading.RateLimiting;

namespace OpenHealthData.Api.Hosting;

/// <summary>What a public API needs in front of its endpoints: CORS, security headers, per-IP rate limits.</summary>
public static class WebHardening
{
    public const string CorsPolicy = "open-data";

    /// <summary>Pages that run our own scripts only. Monaco (the IDE's editor) adds style elements at run time.</summary>
    private const string StrictCsp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; " +
                                     "worker-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    /// <summary>Swagger UI's page starts itself with an inline script.</summary>
    private const string SwaggerCsp = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                                      "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static void AddWebHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.AllowAnyOrigin().WithMethods("GET", "POST", "HEAD").AllowAnyHeader()
            .WithExposedHeaders("ETag", "Retry-After", "Location", "X-Request-Id").SetPreflightMaxAge(TimeSpan.FromHours(1))));

        services.Configure<RateLimitOptions>(configuration.GetSection("RateLimiting"));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var rate = Options(http);
                return rate.Enabled
                    ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = rate.PermitLimit, Window = TimeSpan.FromSeconds(rate.WindowSeconds), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("off");
            });
            o.OnRejected = async (context, ct) =>
            {
                var rate = Options(context.HttpContext);
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(rate.WindowSeconds);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Results.Problem($"More than {rate.PermitLimit} requests in {rate.WindowSeconds} s from your address; retry after the time in Retry-After. " +
                                      "Whole datasets are at /api/v1/snapshots.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too Many Requests")
                    .ExecuteAsync(context.HttpContext);
            };
        });
    }

    private static RateLimitOptions Options(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;

    public static void UseWebHardening(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/swagger") ? SwaggerCsp : StrictCsp;
                    headers.XFrameOptions = "DENY";
                }
                return Task.CompletedTask;
            });
            await next(http);
        });
        app.UseCors(CorsPolicy);
        app.UseRateLimiter();
    }
}
