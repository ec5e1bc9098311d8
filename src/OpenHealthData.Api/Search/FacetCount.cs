namespace OpenHealthData.Api.Search;

/// <summary>A value of a facet and how many results have it.</summary>
public sealed record FacetCount(string Value, int Count);
