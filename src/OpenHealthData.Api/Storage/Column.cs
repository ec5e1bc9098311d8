namespace OpenHealthData.Api.Storage;

/// <summary>A named column of a downloadable table.</summary>
public sealed record Column(string Name, Func<object, object?> Read);
