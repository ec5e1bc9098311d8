namespace OpenHealthData.Api.Storage;

/// <summary>
/// A named column of a downloadable table: its value type (string, int, double, bool, nullable where the value may
/// be missing) gives the Parquet column type and the data package's field type; its description documents it.
/// </summary>
/// <param name="JsonType">"object" or "array" for a column of JSON (dimensions, keywords): nested in JSON files, its
/// text in CSV and Parquet, and so typed in the data package (Table Schema's object and array are JSON text in CSV).</param>
public sealed record Column(string Name, Type Type, string Description, Func<object, object?> Read, string? JsonType = null);
