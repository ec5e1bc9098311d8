namespace OpenHealthData.Data.Model;

/// <summary>Facts about the database itself (seed-data hash, build time).</summary>
public sealed class DatabaseInfo
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
