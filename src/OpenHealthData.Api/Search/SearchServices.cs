namespace OpenHealthData.Api.Search;

public static class SearchServices
{
    /// <summary>The search service (per request: it reads through the request's database context) and the coverage tables.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services) =>
        services.AddScoped<SearchService>().AddSingleton<Coverage>();
}
