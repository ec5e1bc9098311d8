using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Rest;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Search;

public sealed record SearchResults(string Q, IReadOnlyList<string> Terms, int TotalCount, bool HasNextPage, string? EndCursor, SearchFacets Facets, IReadOnlyList<SearchResultItem> Items);
