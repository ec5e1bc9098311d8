using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Api.Review;

/// <summary>What the review page of one draft shows.</summary>
public sealed class ReviewPage
{
    public required string SourceId { get; init; }
    /// <summary>The source's title, null when the source is not in sources.jsonl yet (then nothing can be accepted).</summary>
    public string? Title { get; init; }
    public required IReadOnlyList<ReviewCandidate> Candidates { get; init; }
    /// <summary>The seed as it is now, for the typeahead lists; null when it does not validate.</summary>
    public SeedSet? Seed { get; init; }
    /// <summary>What is wrong with the seed when it does not validate.</summary>
    public IReadOnlyList<SeedError> SeedErrors { get; init; } = [];
    /// <summary>The draft file and the observations file, as paths inside seed-data/.</summary>
    public required string DraftFile { get; init; }
    public required string ObservationsFile { get; init; }
    /// <summary>What the last step did (accepted, rejected, refused), and the candidate it is shown before (null: at the top).</summary>
    public string? Notice { get; init; }
    public string? NoticeBefore { get; init; }
    public bool NoticeIsProblem { get; init; }
    /// <summary>The anti-forgery token every form posts, and its field's name.</summary>
    public required string TokenField { get; init; }
    public required string Token { get; init; }
}
