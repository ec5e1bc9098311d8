namespace OpenHealthData.Data.Model;

/// <summary>What a metric's figures are about: a whole region, or one institution.</summary>
public static class MetricScopes
{
    public const string Region = "region";
    public const string Institution = "institution";
}
