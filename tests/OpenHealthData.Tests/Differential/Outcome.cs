namespace OpenHealthData.Tests.Differential;

/// <summary>What a query answers: the keys of the page in order and the total (-1 when not asked), or the argument an error names.</summary>
public sealed record Outcome(IReadOnlyList<string> Keys, int Total, string? Error)
{
    public static Outcome Failed(string argument) => new([], -1, argument);

    public bool SameAs(Outcome other) => Error == other.Error && Total == other.Total && Keys.SequenceEqual(other.Keys);

    public override string ToString() => Error is not null ? $"error naming {Error}" : $"total {Total}, [{string.Join(", ", Keys)}]";
}
