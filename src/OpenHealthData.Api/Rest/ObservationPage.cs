namespace OpenHealthData.Api.Rest;

/// <summary>A page of GET /api/v1/observations.</summary>
public sealed record ObservationPage(int TotalCount, bool HasNextPage, string? EndCursor, IReadOnlyList<Dictionary<string, object?>> Items);
