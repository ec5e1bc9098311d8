namespace OpenHealthData.Api.Search;

/// <summary>
/// How the results of a search spread over regions, years, kinds, categories, metrics, sources, qualifiers and
/// headline or not (values "true" and "false"), most first.
/// </summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetCount> Regions, IReadOnlyList<FacetCount> Years, IReadOnlyList<FacetCount> Kinds,
    IReadOnlyList<FacetCount> Categories, IReadOnlyList<FacetCount> Metrics, IReadOnlyList<FacetCount> Sources,
    IReadOnlyList<FacetCount> Qualifiers, IReadOnlyList<FacetCount> Headline);
