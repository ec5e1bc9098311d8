namespace OpenHealthData.Api.Querying;

/// <summary>How a column is presented: as itself, as one word of a closed list, or as JSON text read as a list.</summary>
public enum ScalarKind
{
    Plain,
    /// <summary>One word of <see cref="ScalarField.Values"/>: a GraphQL enum, filtered with eq/neq/in/nin.</summary>
    Enum,
    /// <summary>Canonical JSON of name -> value (observation dimensions): a list of { name value }; filtered as text.</summary>
    DimensionValues,
    /// <summary>Canonical JSON of name -> allowed values (a metric's dimensions): a list of { name values }; filtered as text.</summary>
    DimensionDeclarations,
    /// <summary>A JSON array of texts (keywords): a list of strings; filtered as text.</summary>
    TextList,
}
