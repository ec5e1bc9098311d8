using System.Linq.Expressions;

namespace OpenHealthData.Api.Querying;

/// <summary>
/// One operator of the filter language, defined once: its name, what it means, the field types it applies to and its
/// translation into an expression that EF Core turns into SQL. The GraphQL operator inputs, the filter translation and
/// the docs are all made from <see cref="FilterOperators.All"/>.
/// </summary>
/// <param name="AppliesTo">The traits a field type needs for this operator.</param>
/// <param name="TakesList">The operand is a list of values (in, nin) rather than one.</param>
/// <param name="AcceptsNull">A null operand means "is null" / "is not null" (eq, neq); other operators need a value.</param>
/// <param name="Translate">The condition on a column, given the column and the operand (a SQL parameter of the column's type, or a list of them).</param>
/// <param name="Sql">The SQL it becomes on SQLite, for the docs: 'column' for the column, '@value' for a parameter
/// ('value%' for a prefix pattern). The unit tests check it against the SQL EF Core really writes.</param>
public sealed record FilterOperator(string Name, string Description, ColumnTraits AppliesTo, bool TakesList, bool AcceptsNull,
    Func<Expression, Expression, Expression> Translate, string Sql)
{
    /// <summary>For an operator whose operand is not the column's type (has: name/value pairs): reads one value; null when it cannot.</summary>
    public Func<object, object?>? ReadOperand { get; init; }

    /// <summary>For an operator that makes one condition per value (has), instead of <see cref="Translate"/> with one list parameter.</summary>
    public Func<Expression, IEnumerable<object?>, Expression>? TranslateEach { get; init; }
}
