using System.Collections;
using System.Linq.Expressions;

namespace OpenHealthData.Api.Querying;

/// <summary>
/// Writes the SQL of the query language — a filter, an order, the columns of a shape — with every value a parameter
/// (@p0, @p1 … in the order they were added): queries of one shape give one statement text whatever their values, so
/// SQLite reuses its prepared statement. Each operator's SQL is its row in <see cref="FilterOperators"/>.
/// </summary>
public sealed class SqlBuilder
{
    private readonly List<object?> _parameters = [];
    private int _aliases;

    public IReadOnlyList<object?> Parameters => _parameters;

    /// <summary>A new parameter holding <paramref name="value"/>; returns its name.</summary>
    public string Parameter(object? value)
    {
        _parameters.Add(value);
        return "@p" + (_parameters.Count - 1);
    }

    /// <summary>A new table alias: t0, t1 …</summary>
    public string Alias() => "t" + _aliases++;

    /// <summary>The condition of a filter on the table <paramref name="alias"/> of <paramref name="shape"/>; null for none.</summary>
    public string? Condition(FilterNode? filter, string alias) => filter switch
    {
        null => null,
        FilterNode.AllOf all => Join(all.Parts.Select(p => Condition(p, alias)).OfType<string>().ToList(), "AND"),
        // an empty alternative matches everything
        FilterNode.AnyOf any => any.Parts.Select(p => Condition(p, alias)).ToList() is var parts && parts.Count > 0 && parts.All(p => p is not null)
            ? Join(parts!, "OR") : null,
        FilterNode.Compare compare => Operations(compare.Field, compare.Field.Selector, alias, compare.Operations),
        // A filter on the referenced row's key alone reads the foreign key column: no subquery.
        FilterNode.Through { Filter: FilterNode.AllOf { Parts: [FilterNode.Compare key] } } through when key.Field == Shapes.For(through.Reference.Target).KeyField =>
            Operations(key.Field, through.Reference.ForeignKey, alias, key.Operations),
        FilterNode.Through through => Through(through, alias),
        _ => throw new NotSupportedException(filter.GetType().Name),
    };

    /// <summary>The referenced row must exist and match: <c>fk IN (SELECT key FROM target WHERE …)</c>.</summary>
    private string? Through(FilterNode.Through through, string alias)
    {
        var target = Shapes.For(through.Reference.Target);
        var inner = Alias();
        return Condition(through.Filter, inner) is { } condition
            ? $"{Column(through.Reference.ForeignKey, alias)} IN (SELECT {Column(target.KeyField.Selector, inner)} FROM {SqlNames.Table(target.ClrType)} {inner} WHERE {condition})"
            : null;
    }

    /// <summary>The operations on the column <paramref name="selector"/> reads (the field's own, or a reference's foreign key).</summary>
    private string? Operations(ScalarField field, LambdaExpression selector, string alias, IReadOnlyList<Operation> operations) =>
        Join([.. operations.Select(o => Operation(field, Column(selector, alias), SqlNames.IsNullable(selector), o))], "AND");

    private string Operation(ScalarField field, string column, bool nullable, Operation operation)
    {
        var (op, operand) = operation;
        if (operand is null)
        {
            if (op.NullSql is null)
                throw new QueryArgumentException(op.TakesList ? $"{field.Name} must be a list, not null." : $"Operator '{op.Name}' of field '{field.Name}' needs a value, not null.");
            return op.NullSql.Replace("column", column, StringComparison.Ordinal);
        }
        string Fill(object value) => op.Template.Replace("@value", Parameter(op.Parameter is null ? value : op.Parameter(value)), StringComparison.Ordinal)
            .Replace("column", column, StringComparison.Ordinal);
        var sql = op.EachValue ? Join([.. ((IEnumerable)operand).Cast<object>().Select(Fill)], "AND") ?? "1" : Fill(operand);
        return op.MatchesMissing && nullable ? $"({sql} OR {column} IS NULL)" : sql;
    }

    /// <summary>ORDER BY's terms: the keys, through references where they lead, then the primary key.</summary>
    public string OrderBy(EntityShape shape, IReadOnlyList<SortKey> order, string alias)
    {
        // keys after the primary key cannot break a tie, and the key itself is added last only when not there yet
        var upToKey = order.TakeWhile(k => k.Path.Count > 0 || k.Field != shape.KeyField).ToList();
        var key = upToKey.Count < order.Count ? order[upToKey.Count] : new SortKey([], shape.KeyField, false);
        return string.Join(", ", upToKey.Append(key).Select(k => SortTerm(k.Path, k.Field, alias) + (k.Descending ? " DESC" : "")));
    }

    /// <summary>A column, or the column of the row a chain of references leads to (null where there is none).</summary>
    private string SortTerm(IReadOnlyList<ReferenceField> path, ScalarField field, string alias)
    {
        if (path.Count == 0) return Column(field.Selector, alias);
        var target = Shapes.For(path[0].Target);
        var inner = Alias();
        return $"(SELECT {SortTerm(path.Skip(1).ToList(), field, inner)} FROM {SqlNames.Table(target.ClrType)} {inner} " +
               $"WHERE {Column(target.KeyField.Selector, inner)} = {Column(path[0].ForeignKey, alias)})";
    }

    /// <summary>The columns of these members, in order.</summary>
    public static string Columns(Type entity, IReadOnlyList<string> members, string alias) =>
        string.Join(", ", members.Select(m => $"{alias}.{SqlNames.Column(entity, m)}"));

    public static string Column(LambdaExpression selector, string alias) => $"{alias}.{SqlNames.Column(selector)}";

    /// <summary>" WHERE condition", or nothing.</summary>
    public static string Where(string? condition) => condition is null ? "" : " WHERE " + condition;

    private static string? Join(IReadOnlyList<string> parts, string with) => parts.Count switch
    {
        0 => null,
        1 => parts[0],
        _ => string.Join($" {with} ", parts.Select(p => $"({p})")),
    };
}
