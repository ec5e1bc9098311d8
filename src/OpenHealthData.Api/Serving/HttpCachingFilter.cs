namespace OpenHealthData.Api.Serving;

/// <summary><see cref="HttpCaching"/> for a REST endpoint: 304 without running it; its 200 answers are cacheable (and 304 for If-None-Match: *).</summary>
public sealed class HttpCachingFilter(HttpCaching caching) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (caching.TryNotModified(context.HttpContext)) return Results.Empty;
        var result = await next(context);
        if (((result as INestedHttpResult)?.Result ?? result) is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK })
        {
            if (HttpCaching.TryNotModifiedAny(context.HttpContext)) return Results.StatusCode(StatusCodes.Status304NotModified);
            HttpCaching.Succeeded(context.HttpContext);
        }
        return result;
    }
}
