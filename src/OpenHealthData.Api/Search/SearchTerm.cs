namespace OpenHealthData.Api.Search;

/// <summary>
/// One word (or "quoted phrase", or several words that form one synonym) of a search, as typed, and what may stand
/// for it in the index: each alternative is a sequence of index terms that must occur near each other
/// (["per", "thousand"]); a figure has the word when it has any alternative.
/// </summary>
public sealed record SearchTerm(string Text, IReadOnlyList<IReadOnlyList<string>> Alternatives)
{
    /// <summary>The alternative the words themselves give, before synonyms.</summary>
    public IReadOnlyList<string> Own => Alternatives[0];
}
