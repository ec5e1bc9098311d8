namespace OpenHealthData.Api.Storage;

/// <summary>What /healthz reports; read once at start, since the database does not change while the API runs.</summary>
public sealed record DatabaseStatus(string SeedHash, string BuiltAt, IReadOnlyDictionary<string, int> Counts);
