namespace OpenHealthData.Api.Querying;

/// <summary>A row of a page with its cursor.</summary>
public sealed record Edge<T>(string Cursor, T Node);
