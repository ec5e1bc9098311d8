namespace OpenHealthData.Data.Drafting;

/// <summary>A number of the text that is not a figure (a date, a document number, a hotline, list numbering …), and why.</summary>
public sealed record SkippedNumber(string Text, int Offset, string Reason);
