using System.Globalization;
using System.Threading.RateLimiting;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OpenHealthData.Api.Graph;

namespace OpenHealthData.Api.Hosting;

/// <summary>
/// Charges a GraphQL query to its client's rate limit by its complexity: the request itself took one permit in the
/// rate limiter; a query of complexity c takes c / RateLimiting:ComplexityPerRequest more before it runs. A client that
/// has not enough left gets RATE_LIMITED (HTTP 429, Retry-After) and is charged nothing more. Answers from the
/// response cache cost one request: they cost the server almost nothing.
/// </summary>
public sealed class QueryCost(IOptions<RateLimitOptions> rate, IOptions<RateLimiterOptions> limiter, IHttpContextAccessor accessor)
{
    public Task ChargeAsync(ComplexityValidationContext context)
    {
        var (options, global) = (rate.Value, limiter.Value.GlobalLimiter);
        if (context.Error is not null || !options.Enabled || options.ComplexityPerRequest <= 0 || global is null || accessor.HttpContext is not { } http)
            return Task.CompletedTask;
        var extra = (int)Math.Min(int.MaxValue, Math.Floor(context.TotalImpact / options.ComplexityPerRequest));
        if (extra == 0) return Task.CompletedTask;
        var retryAfter = TimeSpan.FromSeconds(options.WindowSeconds);
        if (extra < options.PermitLimit)
        {
            using var lease = global.AttemptAcquire(http, extra);
            if (lease.IsAcquired) return Task.CompletedTask;
            if (lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)) retryAfter = wait;
        }
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Error = new ValidationError(
            $"This query costs {extra + 1} requests of your limit of {options.PermitLimit} in {options.WindowSeconds} s " +
            $"(complexity {context.TotalImpact:0}, one request more per {options.ComplexityPerRequest}), more than you have left. " +
            "Retry after the time in Retry-After, ask for fewer rows, or download a snapshot.") { Code = ErrorCodes.RateLimited };
        return Task.CompletedTask;
    }
}
