namespace OpenHealthData.Api.Serving;

/// <summary><see cref="HttpCaching"/> for a REST endpoint: 304 without running it; its 200 answers are cacheable.</summary>
public sealed class HttpCachingFilter(HttpCaching caching) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (caching.TryNotModified(context.HttpContext)) return Results.Empty;
        var result = await next(context);
        if (((result as INestedHttpResult)?.Result ?? result) is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK })
            HttpCaching.Succeeded(context.HttpContext);
        return result;
    }
}
