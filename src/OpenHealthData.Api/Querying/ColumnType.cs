namespace OpenHealthData.Api.Querying;

/// <summary>
/// A type of scalar field as the query language sees it: its name (the GraphQL scalar, and the prefix of its operator
/// input, e.g. StringOperationFilterInput), what it supports, what a client is told a value must be, and how a filter
/// value is read into the column's type. The operators that apply to it follow from its traits.
/// </summary>
/// <param name="Read">The value in the column's type, or null when the value is not of this type.</param>
public sealed record ColumnType(string Name, ColumnTraits Traits, string Expected, Func<object, object?> Read)
{
    /// <summary>For a closed list of words (an enum): the words; null for other types.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The operators that apply to this type, in the order of <see cref="FilterOperators.All"/>.</summary>
    public IReadOnlyList<FilterOperator> Operators => _operators ??= [.. FilterOperators.All.Where(o => (Traits & o.AppliesTo) == o.AppliesTo)];
    private IReadOnlyList<FilterOperator>? _operators;

    public FilterOperator? Operator(string name) => Operators.FirstOrDefault(o => o.Name == name);
}
