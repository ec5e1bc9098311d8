namespace OpenHealthData.Data.SearchText;

/// <summary>A word of a text as the search index holds it (an English stem, a number, a Chinese word) and where it is in the text.</summary>
public readonly record struct Token(string Term, int Start, int Length);
