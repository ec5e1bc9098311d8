namespace OpenHealthData.Api.Explore;

/// <summary>A piece of a displayed text and how it is set: in bold (the quote in its sentence), marked (a searched word), or both.</summary>
public sealed record TextRun(string Text, bool Strong, bool Mark);
