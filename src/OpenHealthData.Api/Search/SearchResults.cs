namespace OpenHealthData.Api.Search;

public sealed record SearchResults(string Q, IReadOnlyList<string> Terms, int TotalCount, bool HasNextPage, string? EndCursor, SearchFacets Facets, IReadOnlyList<SearchResultItem> Items);
