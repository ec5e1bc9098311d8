namespace OpenHealthData.Api.Search;

/// <summary>
/// REST search: the words as understood (terms), whether a figure has them all (allTermsMatched; false: the items
/// have most of them, and unmatchedTerms found nothing), typed words corrected, the notice to show a reader, and a page of items.
/// </summary>
public sealed record SearchResults(string Q, IReadOnlyList<string> Terms, int TotalCount, bool HasNextPage, string? EndCursor, SearchFacets Facets, IReadOnlyList<SearchResultItem> Items,
    bool AllTermsMatched, IReadOnlyList<string> UnmatchedTerms, IReadOnlyList<TermCorrection> Corrections, string? Notice);
