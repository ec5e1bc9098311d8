using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Search;

/// <summary>
/// A page of results, the total over all pages and the facets of the whole result; the words searched for, and,
/// when no figure has them all, which of them found nothing (<see cref="Unmatched"/>) while the results have most
/// of them (<see cref="AllTermsMatched"/> false); typed words corrected to words of the texts.
/// </summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, int TotalCount, PageInfo PageInfo, SearchFacets Facets, IReadOnlyList<string> Terms,
    bool AllTermsMatched = true, IReadOnlyList<string>? Unmatched = null, IReadOnlyList<TermCorrection>? Corrections = null)
{
    /// <summary>What a reader must be told about the words (English), or null when every word was found as typed.</summary>
    public string? Notice => SearchNotice.Text(this, zh: false);
}
