using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Data.Drafting;

/// <summary>What accepting a candidate did: the id of the record written, or the validator's errors (nothing written).</summary>
public sealed record ReviewOutcome(string? Id, IReadOnlyList<SeedError> Errors)
{
    public bool Accepted => Id is not null && Errors.Count == 0;
}
