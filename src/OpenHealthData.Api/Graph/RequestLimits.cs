namespace OpenHealthData.Api.Graph;

/// <summary>Limits on what one request may ask of the server. Configuration section "Limits"; defaults in the README.</summary>
public sealed class RequestLimits
{
    /// <summary>Largest GraphQL request body (JSON), in bytes.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;
    /// <summary>Largest GraphQL document (the query text), in UTF-8 bytes.</summary>
    public int MaxDocumentBytes { get; set; } = 16 * 1024;
    /// <summary>Most lexical tokens in a GraphQL document.</summary>
    public int MaxTokens { get; set; } = 2_000;
    /// <summary>Most aliased fields in a document (alias bombs).</summary>
    public int MaxAliases { get; set; } = 30;
    /// <summary>Deepest field nesting, fragments included; the standard introspection query needs 13.</summary>
    public int MaxDepth { get; set; } = 15;
    /// <summary>
    /// Most fields selected once every fragment spread is replaced by its fragment; as many as the tokens, so fragments
    /// save typing but cannot multiply work.
    /// </summary>
    public int MaxFields { get; set; } = 2_000;
    /// <summary>Most items in one list of an argument (in, nin, dimensions …), literal or variable.</summary>
    public int MaxListItems { get; set; } = 1_000;
    /// <summary>Most fields set in one filter (where), counting every level: and/or items, fields and operators.</summary>
    public int MaxFilterTerms { get; set; } = 100;
    /// <summary>Most sort keys in one order argument.</summary>
    public int MaxOrderKeys { get; set; } = 10;
    /// <summary>Deepest sort key: region → parent → nameEn is 3 (each level a lookup per row).</summary>
    public int MaxOrderKeyDepth { get; set; } = 3;
    /// <summary>Largest cost: every field costs 1, and fields below a list count once per expected row (5 by default, or the first/last argument).</summary>
    public int MaxComplexity { get; set; } = 250_000;
    /// <summary>Longest execution of one GraphQL request.</summary>
    public double ExecutionTimeoutSeconds { get; set; } = 10;
}
