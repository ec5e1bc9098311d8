namespace OpenHealthData.Api.Querying;

/// <summary>
/// One operator of the filter language, defined once: its name, what it means, the field types it applies to and the
/// SQL it becomes. The GraphQL operator inputs, the SQL of every list (<see cref="SqlBuilder"/>) and the docs are all
/// made from <see cref="FilterOperators.All"/>.
/// </summary>
/// <param name="AppliesTo">The traits a field type needs for this operator.</param>
/// <param name="TakesList">The operand is a list of values (in, nin, has) rather than one.</param>
/// <param name="AcceptsNull">A null operand means "is null" / "is not null" (eq, neq); other operators need a value.</param>
/// <param name="Sql">The SQL it becomes on SQLite: 'column' stands for the column, '@value' for the operand's parameter.
/// Text after ' — ' is a note for the docs.</param>
public sealed record FilterOperator(string Name, string Description, ColumnTraits AppliesTo, bool TakesList, bool AcceptsNull, string Sql)
{
    /// <summary>For an operator whose operand is not the column's type (has: name/value pairs): reads one value; null when it cannot.</summary>
    public Func<object, object?>? ReadOperand { get; init; }

    /// <summary>The parameter sent for an operand (a LIKE pattern, a list as one JSON array); the operand itself when null.</summary>
    public Func<object, object>? Parameter { get; init; }

    /// <summary>The SQL for a null operand (eq: is null, neq: is not null).</summary>
    public string? NullSql { get; init; }

    /// <summary>One condition per value of the list, all of which must hold (has), instead of the list as one parameter.</summary>
    public bool EachValue { get; init; }

    /// <summary>
    /// A negation (neq, nin): SQL's NULL would make it unknown for a missing value, so on a nullable column it also
    /// matches a missing value, as "not equal" means to a reader.
    /// </summary>
    public bool MatchesMissing { get; init; }

    /// <summary>The SQL template without its note.</summary>
    public string Template => Sql.Split(" — ")[0];
}
