namespace OpenHealthData.Api.Querying;

/// <summary>Where a page lies in the whole result (Relay).</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
