namespace OpenHealthData.Api.Serving;

/// <summary>The services of serving at scale: HTTP caching, persisted queries, request logs, graceful shutdown.</summary>
public static class ServingServices
{
    public static void AddServing(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HttpCachingOptions>(configuration.GetSection("HttpCaching"));
        services.Configure<PersistedQueryOptions>(configuration.GetSection("PersistedQueries"));
        services.Configure<RequestLogOptions>(configuration.GetSection("RequestLogging"));
        services.Configure<TrustedProxyOptions>(configuration.GetSection(TrustedProxies.Section));
        services.AddSingleton<HttpCaching>();
        services.AddSingleton<PersistedQueries>();
        services.AddSingleton<PublicBaseUrl>();
        services.AddGracefulShutdown(configuration);
    }

    /// <summary>First in the pipeline: the real client address, then the request log around everything else.</summary>
    public static void UseServing(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<PersistedQueries>(); // reads the trusted-documents manifest: a bad one stops the start
        app.UseTrustedProxies();
        app.UseRequestLog();
    }
}
