using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Search;

/// <summary>A page of results, the total over all pages and the facets of the whole result.</summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, int TotalCount, PageInfo PageInfo, SearchFacets Facets, IReadOnlyList<string> Terms);
