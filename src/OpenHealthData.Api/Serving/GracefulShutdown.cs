namespace OpenHealthData.Api.Serving;

/// <summary>
/// On SIGTERM the host stops accepting connections and lets requests in flight finish for up to
/// Shutdown:DrainSeconds (default 20), then exits. Keep it below the orchestrator's grace period
/// (Kubernetes' terminationGracePeriodSeconds, Compose's stop_grace_period).
/// </summary>
public static class GracefulShutdown
{
    public static void AddGracefulShutdown(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue("Shutdown:DrainSeconds", 20.0)));
}
