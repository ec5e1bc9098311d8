namespace OpenHealthData.Api.Storage;

/// <summary>
/// A named column of a downloadable table: its value type (string, int, double, bool, nullable where the value may
/// be missing) gives the Parquet column type and the data package's field type; its description documents it.
/// </summary>
public sealed record Column(string Name, Type Type, string Description, Func<object, object?> Read);
