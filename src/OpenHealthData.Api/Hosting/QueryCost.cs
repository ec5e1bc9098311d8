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
        if (context.Error is null) context.Error = Charge(context.TotalImpact);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Takes the permits a query of this complexity costs beyond its request; the error that refuses it when its client
    /// has not enough left (Retry-After set), else null. Also on a cached operation, whose complexity is known.
    /// </summary>
    public ValidationError? Charge(double totalImpact)
    {
        var (options, global) = (rate.Value, limiter.Value.GlobalLimiter);
        if (!options.Enabled || options.ComplexityPerRequest <= 0 || global is null || accessor.HttpContext is not { } http)
            return null;
        var extra = (int)Math.Min(int.MaxValue, Math.Floor(totalImpact / options.ComplexityPerRequest));
        if (extra == 0) return null;
        var retryAfter = TimeSpan.FromSeconds(options.WindowSeconds);
        if (extra < options.PermitLimit)
        {
            using var lease = global.AttemptAcquire(http, extra);
            if (lease.IsAcquired) return null;
            if (lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)) retryAfter = wait;
        }
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return new ValidationError(
            $"This query costs {extra + 1} requests of your limit of {options.PermitLimit} in {options.WindowSeconds} s " +
            $"(complexity {totalImpact:0}, one request more per {options.ComplexityPerRequest}), more than you have left. " +
            "Retry after the time in Retry-After, ask for fewer rows, or download a snapshot.") { Code = ErrorCodes.RateLimited };
    }
}
