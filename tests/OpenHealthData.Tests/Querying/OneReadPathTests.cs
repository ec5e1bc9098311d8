using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenHealthData.Data;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Querying;

/// <summary>
/// EF Core builds the database and describes the model; serving a request reads through ReadConnections only. The
/// API's context factory is wrapped to count the contexts it creates: after start-up, requests to every kind of route
/// create none, search included.
/// </summary>
public sealed class OneReadPathTests
{
    private sealed class CountingApi : ApiFactory
    {
        public int Created;

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            var original = services.Last(d => d.ServiceType == typeof(IDbContextFactory<HealthDbContext>));
            services.Remove(original);
            services.AddSingleton<IDbContextFactory<HealthDbContext>>(sp => new Counting(this,
                (IDbContextFactory<HealthDbContext>)(original.ImplementationInstance ?? original.ImplementationFactory?.Invoke(sp)
                    ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))));
        }

        private sealed class Counting(CountingApi api, IDbContextFactory<HealthDbContext> inner) : IDbContextFactory<HealthDbContext>
        {
            public HealthDbContext CreateDbContext()
            {
                Interlocked.Increment(ref api.Created);
                return inner.CreateDbContext();
            }
        }
    }

    private static readonly string[] Routes =
    [
        "/", "/readyz", "/healthz", "/api/v1/regions/330382", "/api/v1/regions/999999", "/api/v1/metrics/family_doctor_signing_rate",
        "/api/v1/metrics/family_doctor_signing_rate_key_groups", "/api/v1/sources/yueqing-2023-work-summary/text",
        "/api/v1/observations?withinRegion=140000&first=5", "/api/v1/observations?metric=family_doctor_signing_rate_key_groups",
        "/api/v1/compare?metric=family_doctor_signing_rate", "/api/v1/snapshots", "/explore/metrics", "/explore/metrics/family_doctor_signing_rate",
        "/explore/regions/330382", "/explore/sources/yueqing-2023-work-summary", "/explore", "/explore?q=乐清双向转诊",
        "/explore/compare/family_doctor_signing_rate", "/api/v1/search?q=family-doctor%20service%20teams", "/api/v1/search?q=出生率&region=330382",
    ];

    [Fact]
    public async Task Serving_requests_creates_no_DbContext()
    {
        using var api = new CountingApi();
        _ = api.Services; // start-up builds the database and the snapshot with EF Core
        Assert.True(api.Created > 0, "the wrapped factory is the one the API uses");
        api.Created = 0;
        using var client = api.CreateClient();
        foreach (var route in Routes)
        {
            using var response = await client.GetAsync(route);
            Assert.True((int)response.StatusCode < 500, $"{route}: {(int)response.StatusCode}");
        }
        await api.GraphQLAsync("""
            { observations(first: 3, where: { institution: { neq: null } }, order: [{ region: { nameEn: ASC } }]) { totalCount nodes { id metric { nameEn coverage { count } } region { parent { code } } source { title } institution { nameEn } } }
              regions(first: 2) { nodes { code } } metric(code: "family_doctor_signing_rate_key_groups") { code }
              series(metric: "family_doctor_signing_rate", region: "330382") { year }
              search(text: "孕产妇死亡率", first: 3) { totalCount } }
            """);
        Assert.Equal(0, api.Created);
    }
}
