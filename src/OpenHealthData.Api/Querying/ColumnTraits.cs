namespace OpenHealthData.Api.Querying;

/// <summary>What a field type supports, and so which operators apply to it (<see cref="FilterOperator.AppliesTo"/>).</summary>
[Flags]
public enum ColumnTraits
{
    None = 0,
    /// <summary>Compared for equality: eq, neq.</summary>
    Equatable = 1,
    /// <summary>One of many values: in, nin.</summary>
    Listable = 2,
    /// <summary>Ordered: gt, gte, lt, lte.</summary>
    Ordered = 4,
    /// <summary>Text: contains, startsWith, endsWith and their negations.</summary>
    Text = 8,
    /// <summary>Canonical JSON of name/value pairs (a figure's dimensions): has.</summary>
    Dimensions = 16,
}
