namespace OpenHealthData.Data.Values;

/// <summary>
/// A word written after a number that says what it counts: <c>%</c>, <c>万元</c>'s <c>元</c>, <c>人次</c>, <c>张</c> …
/// <paramref name="DraftUnit"/> is the unit a draft gives the figure; <paramref name="Units"/> are the units a curated
/// record of it may have (a count of beds per 1,000 people is written 4.06张 and filed per_1000).
/// </summary>
public sealed record UnitWord(string Word, string DraftUnit, IReadOnlySet<string> Units);
