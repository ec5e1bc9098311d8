using OpenHealthData.Data;

namespace OpenHealthData.Api.Querying;

/// <summary>
/// One operator of the filter language, defined once: its name, what it means, the field types it applies to, the
/// SQL it becomes and what it does with a missing value. The GraphQL operator inputs, the SQL of every list
/// (<see cref="SqlBuilder"/>) and the docs (schema/filters.md) are all made from <see cref="FilterOperators.All"/>.
/// </summary>
/// <param name="AppliesTo">The traits a field type needs for this operator.</param>
/// <param name="TakesList">The operand is a list of values (in, nin, has) rather than one.</param>
public sealed record FilterOperator(string Name, string Description, ColumnTraits AppliesTo, bool TakesList)
{
    /// <summary>
    /// A positive operator's SQL: true on the rows that match and false or NULL on the others (a NULL column
    /// never matches unless <see cref="MatchesMissing"/> says so). The operand is in the column's type, never null
    /// (for a list: the values that are not null). Null for a negation, which is written from <see cref="Negates"/>.
    /// </summary>
    public Func<Sql, object, Sql>? Write { get; init; }

    /// <summary>For a negation (neq, nin, ncontains …): the operator it negates. It matches exactly the rows that one does not, a missing value included.</summary>
    public FilterOperator? Negates { get; init; }

    /// <summary>
    /// A null operand (eq, neq: the value is missing) or null elements of the list (in, nin: "or is missing") are
    /// allowed; other operators need a value.
    /// </summary>
    public bool AcceptsNull { get; init; }

    /// <summary>For an operator whose operand is not the column's type (has: name/value pairs): reads one value; null when it cannot.</summary>
    public Func<object, object?>? ReadOperand { get; init; }

    /// <summary>What the operator does with a missing value, in a sentence for the docs.</summary>
    public required string NullRule { get; init; }

    /// <summary>Whether a missing value (a NULL column) matches this operator with this operand.</summary>
    public bool MatchesMissing(object? operand) => Negates is { } positive
        ? !positive.MatchesMissing(operand)
        : operand is null || (TakesList && AcceptsNull && ((System.Collections.IEnumerable)operand).Cast<object?>().Any(v => v is null));
}
