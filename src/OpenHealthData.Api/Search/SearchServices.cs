namespace OpenHealthData.Api.Search;

public static class SearchServices
{
    /// <summary>The search service (it reads through ReadConnections), the English words of the index for typo correction, the terms too common to rank by, and the coverage tables.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services) =>
        services.AddScoped<SearchService>().AddSingleton<SearchVocabulary>().AddSingleton<CommonTerms>().AddSingleton<Coverage>();
}
