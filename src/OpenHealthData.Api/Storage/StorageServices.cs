using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data;

namespace OpenHealthData.Api.Storage;

/// <summary>The database, its snapshot files and the tables kept in memory: what the server and the `seed` command share.</summary>
public static class StorageServices
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DataOptions>(configuration.GetSection("Data"));
        services.AddPooledDbContextFactory<HealthDbContext>((sp, options) =>
            options.UseReadOnlyHealthDatabase(sp.GetRequiredService<IOptions<DataOptions>>().Value.ResolvedDatabasePath)
                .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddSingleton<IStatementObserver, StatementLog>();
        services.AddSingleton(sp => new ReadConnections(sp.GetRequiredService<IOptions<DataOptions>>().Value.ResolvedDatabasePath, sp.GetServices<IStatementObserver>()));
        services.AddSingleton<ListQueries>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<RegionTree>();
        services.AddSingleton<ReferenceCache>();
        services.AddSingleton<MetricCodes>();
        services.AddSingleton<SnapshotStore>();
        return services;
    }
}
