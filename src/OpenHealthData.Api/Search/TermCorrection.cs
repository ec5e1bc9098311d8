namespace OpenHealthData.Api.Search;

/// <summary>A typed word that found nothing, and the word of the texts searched for instead ("vacination" → "vaccination").</summary>
public sealed record TermCorrection(string Typed, string Used);
