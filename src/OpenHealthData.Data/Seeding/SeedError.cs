namespace OpenHealthData.Data.Seeding;

/// <summary>One thing wrong in seed-data, named down to the field so that it can be fixed without searching.</summary>
public sealed record SeedError(string File, int Line, string? Record, string? Field, string Message)
{
    public override string ToString() =>
        $"{File}:{Line}" + (Record is null ? "" : $" record '{Record}'") + (Field is null ? "" : $" field '{Field}'") + $": {Message}";
}

public sealed class SeedValidationException(IReadOnlyList<SeedError> errors)
    : Exception($"seed-data has {errors.Count} error(s):" + Environment.NewLine + string.Join(Environment.NewLine, errors.Take(50))
                + (errors.Count > 50 ? $"{Environment.NewLine}… and {errors.Count - 50} more" : ""))
{
    public IReadOnlyList<SeedError> Errors { get; } = errors;
}
