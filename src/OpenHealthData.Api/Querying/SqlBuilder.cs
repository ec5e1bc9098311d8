using System.Collections;
using System.Linq.Expressions;
using OpenHealthData.Data;

namespace OpenHealthData.Api.Querying;

/// <summary>
/// Writes the SQL of the query language — a filter, an order, the columns of a shape — as <see cref="Sql"/> values:
/// identifiers come from the model, every value is a parameter, so queries of one shape give one statement text
/// whatever their values and SQLite reuses its prepared statement. Each operator's SQL is its row in
/// <see cref="FilterOperators"/>; the rules for missing values are written once here (schema/filters.md states them).
/// </summary>
public sealed class SqlBuilder
{
    private int _aliases;

    /// <summary>A new table alias: t0, t1 …</summary>
    public Sql Alias() => Sql.Identifier("t" + _aliases++);

    /// <summary>The condition of a filter on the table <paramref name="alias"/> of <paramref name="shape"/>; null for none.</summary>
    public Sql? Condition(FilterNode? filter, EntityShape shape, Sql alias) => filter switch
    {
        null => null,
        FilterNode.AllOf all => Join(" AND ", [.. all.Parts.Select(p => Condition(p, shape, alias)).OfType<Sql>()]),
        // an empty alternative matches everything
        FilterNode.AnyOf any => any.Parts.Select(p => Condition(p, shape, alias)).ToList() is var parts && parts.Count > 0 && parts.All(p => p is not null)
            ? Join(" OR ", parts!) : null,
        // two-valued: where the condition is unknown (NULL) the row did not match, so its negation does
        FilterNode.Not not => Condition(not.Filter, shape, alias) is { } negated ? Sql.Of($"NOT ifnull(({negated}), 0)") : Sql.False,
        FilterNode.Compare compare => Operations(compare.Field.Name, compare.Operations, Column(compare.Field.Selector, alias), SqlNames.IsNullable(compare.Field.Selector)),
        // the row itself, by its key (never missing)
        FilterNode.Itself itself => Operation(shape.Name, itself.Operation, Column(shape.KeyField.Selector, alias), nullable: false),
        FilterNode.Through through => Through(through, alias),
        _ => throw new NotSupportedException(filter.GetType().Name),
    };

    /// <summary>
    /// A filter on the row a reference points to. A missing reference is a missing row, which only a test of the
    /// reference itself (<c>{ eq: null }</c>) matches: <see cref="FilterNode.MatchesMissingRow"/>.
    /// </summary>
    private Sql? Through(FilterNode.Through through, Sql alias)
    {
        var target = Shapes.For(through.Reference.Target);
        var foreignKey = Column(through.Reference.ForeignKey, alias);
        var nullable = SqlNames.IsNullable(through.Reference.ForeignKey);
        switch (through.Filter)
        {
            // The reference itself ({ institution: { eq: null } }) is its foreign key.
            case FilterNode.Itself self:
                return Operation(through.Reference.Name, self.Operation, foreignKey, nullable);
            case FilterNode.AllOf { Parts: [FilterNode.Itself self] }:
                return Operation(through.Reference.Name, self.Operation, foreignKey, nullable);
            // A filter on the referenced row's key alone reads the foreign key column, no subquery; the row must exist.
            case FilterNode.AllOf { Parts: [FilterNode.Compare { Operations.Count: > 0 } key] } when key.Field == target.KeyField:
                var operations = Operations(key.Field.Name, key.Operations, foreignKey, nullable: false)!;
                return nullable ? Sql.Of($"({foreignKey} IS NOT NULL AND ({operations}))") : operations;
        }
        var inner = Alias();
        if (Condition(through.Filter, target, inner) is not { } condition) return null;
        var exists = Sql.Of($"{foreignKey} IN (SELECT {Column(target.KeyField.Selector, inner)} FROM {SqlNames.Table(target.ClrType)} {inner} WHERE {condition})");
        return nullable && through.Filter.MatchesMissingRow() ? Sql.Of($"({foreignKey} IS NULL OR {exists})") : exists;
    }

    /// <summary>The operations on a column (the field's own, or a reference's foreign key), all of which must hold.</summary>
    private static Sql? Operations(string field, IReadOnlyList<Operation> operations, Sql column, bool nullable) =>
        Join(" AND ", [.. operations.Select(o => Operation(field, o, column, nullable))]);

    /// <summary>One operation: the positive operator's SQL, or the negation of it that also matches what it does not on a missing value.</summary>
    public static Sql Operation(string field, Operation operation, Sql column, bool nullable)
    {
        var (op, operand) = operation;
        var positive = op.Negates ?? op;
        if (operand is null && (op.TakesList || !op.AcceptsNull))
            throw new QueryArgumentException(op.TakesList ? $"{field} must be a list, not null." : $"Operator '{op.Name}' of field '{field}' needs a value, not null.");
        IReadOnlyList<object?>? list = op.TakesList ? [.. ((IEnumerable)operand!).Cast<object?>()] : null;
        if (list is not null && !op.AcceptsNull && list.Contains(null))
            throw new QueryArgumentException($"Operator '{op.Name}' of field '{field}' needs values, not null.");

        var holds = operand is null ? Sql.Of($"{column} IS NULL")
            : list is not null && list.Contains(null) ? Sql.Of($"({positive.Write!(column, list.OfType<object>().ToList())} OR {column} IS NULL)")
            : positive.Write!(column, list ?? operand);
        if (op.Negates is null) return holds;
        return !nullable ? Sql.Of($"NOT ({holds})")
            : positive.MatchesMissing(operand) ? Sql.Of($"({column} IS NOT NULL AND NOT ({holds}))")
            : Sql.Of($"({column} IS NULL OR NOT ({holds}))");
    }

    /// <summary>ORDER BY's terms: the keys, through references where they lead, then the primary key.</summary>
    public Sql OrderBy(EntityShape shape, IReadOnlyList<SortKey> order, Sql alias)
    {
        // keys after the primary key cannot break a tie, and the key itself is added last only when not there yet
        var upToKey = order.TakeWhile(k => k.Path.Count > 0 || k.Field != shape.KeyField).ToList();
        var key = upToKey.Count < order.Count ? order[upToKey.Count] : new SortKey([], shape.KeyField, false);
        return Sql.Join(", ", upToKey.Append(key).Select(k => k.Descending ? Sql.Of($"{SortTerm(k.Path, k.Field, alias)} DESC") : SortTerm(k.Path, k.Field, alias)));
    }

    /// <summary>A column, or the column of the row a chain of references leads to (null where there is none).</summary>
    private Sql SortTerm(IReadOnlyList<ReferenceField> path, ScalarField field, Sql alias)
    {
        if (path.Count == 0) return Column(field.Selector, alias);
        var target = Shapes.For(path[0].Target);
        var inner = Alias();
        return Sql.Of($"(SELECT {SortTerm([.. path.Skip(1)], field, inner)} FROM {SqlNames.Table(target.ClrType)} {inner} WHERE {Column(target.KeyField.Selector, inner)} = {Column(path[0].ForeignKey, alias)})");
    }

    /// <summary>The columns of these members, in order.</summary>
    public static Sql Columns(Type entity, IReadOnlyList<string> members, Sql alias) =>
        Sql.Join(", ", members.Select(m => Sql.Of($"{alias}.{SqlNames.Column(entity, m)}")));

    public static Sql Column(LambdaExpression selector, Sql alias) => Sql.Of($"{alias}.{SqlNames.Column(selector)}");

    /// <summary>" WHERE condition", or nothing.</summary>
    public static Sql Where(Sql? condition) => condition is null ? Sql.Empty : Sql.Of($" WHERE {condition}");

    private static Sql? Join(string with, IReadOnlyList<Sql> parts) => parts.Count switch
    {
        0 => null,
        1 => parts[0],
        _ => Sql.Join(with, parts.Select(p => Sql.Of($"({p})"))),
    };
}
