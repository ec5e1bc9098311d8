namespace OpenHealthData.Api.Explore;

/// <summary>
/// A piece of a report's text as the source page shows it: plain, or a marked passage (MarkId set) holding one or more
/// figures' quotes, followed by their numbers (each linking to its row).
/// </summary>
public sealed record ReportPiece(string Text, string? MarkId, string? Title, IReadOnlyList<(int Number, string FigureId, string Label)> Refs);
