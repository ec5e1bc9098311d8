namespace OpenHealthData.Api.Querying;

/// <summary>The Relay paging arguments: first/after from the start, last/before from the end.</summary>
public sealed record PageRequest(int? First = null, string? After = null, int? Last = null, string? Before = null);
