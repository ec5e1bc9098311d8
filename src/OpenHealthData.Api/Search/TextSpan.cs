namespace OpenHealthData.Api.Search;

/// <summary>A matched span of a text: start and length in UTF-16 code units (as JavaScript strings count).</summary>
public sealed record TextSpan(int Start, int Length);
