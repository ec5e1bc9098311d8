namespace OpenHealthData.Data.Drafting;

/// <summary>What the draft command found in one text: the candidate figures in text order and the numbers it left out.</summary>
public sealed record DraftResult(IReadOnlyList<DraftCandidate> Candidates, IReadOnlyList<SkippedNumber> Skipped);
