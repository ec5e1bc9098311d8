using System.Linq.Expressions;
using System.Text.Json;
using OpenHealthData.Data;

namespace OpenHealthData.Api.Querying;

/// <summary>
/// Runs the query language on the database: pages of a connection, each parent's first rows of a nested list, and
/// plain lists. The SQL comes from <see cref="SqlBuilder"/>; <see cref="ReadConnections"/> keeps each statement text
/// prepared, so a request costs SQLite's work and reading its rows, not a query pipeline per statement.
/// </summary>
public sealed class ListQueries(ReadConnections connections)
{
    /// <summary>A page of a connection; with <paramref name="withTotal"/> the total is counted in the same statement.</summary>
    /// <param name="fields">The fields selected on the rows (null: the whole row).</param>
    public Connection<T> Page<T>(EntityShape<T> shape, ListQuery query, PagingOptions options, IReadOnlyCollection<string>? fields, bool withTotal) where T : class =>
        Page(new PageStatements<T>(shape, query.Filter, query.Order, fields), query, options, withTotal);

    /// <summary>A page of a connection, with statements written before (for the same filter and order as <paramref name="query"/>'s).</summary>
    public Connection<T> Page<T>(PageStatements<T> statements, ListQuery query, PagingOptions options, bool withTotal) where T : class =>
        Paging.Page(query.Page, options, withTotal, () => Count(statements.Shape, query.Filter), (skip, take, countToo) =>
        {
            var statement = statements.For(countToo);
            object?[] parameters = [.. statement.Parameters];
            parameters[statement.SkipAt] = skip;
            parameters[statement.TakeAt] = take;
            var read = statement.Read;
            int? total = null;
            var rows = connections.Query(statement.Text, parameters, reader =>
            {
                if (statement.TotalAt is { } at) total ??= reader.GetInt32(at);
                return read(reader);
            });
            return (rows, total);
        });

    /// <summary>The rows that match, in order (the key last); whole rows unless <paramref name="fields"/> says which.</summary>
    public List<T> List<T>(EntityShape<T> shape, FilterNode? filter, IReadOnlyList<SortKey> order, IReadOnlyCollection<string>? fields = null) where T : class
    {
        var members = Projection.Of(shape, fields);
        var sql = new SqlBuilder();
        var row = sql.Alias();
        var where = SqlBuilder.Where(sql.Condition(filter, shape, row));
        return connections.Query(Sql.Of($"SELECT {SqlBuilder.Columns(typeof(T), members, row)} FROM {SqlNames.Table(typeof(T))} {row}{where} ORDER BY {sql.OrderBy(shape, order, row)}"),
            RowReader.For<T>(members));
    }

    /// <summary>How many rows match.</summary>
    public int Count<T>(EntityShape<T> shape, FilterNode? filter) where T : class =>
        connections.Query(CountSql(new SqlBuilder(), shape, filter), reader => reader.GetInt32(0))[0];

    /// <summary><c>SELECT count(*) …</c> of the rows that match: a statement of its own, or a page's scalar subquery.</summary>
    internal static Sql CountSql(SqlBuilder sql, EntityShape shape, FilterNode? filter)
    {
        var row = sql.Alias();
        return Sql.Of($"SELECT count(*) FROM {SqlNames.Table(shape.ClrType)} {row}{SqlBuilder.Where(sql.Condition(filter, shape, row))}");
    }

    /// <summary>
    /// The first <paramref name="first"/> rows of each parent, in the query's order, as one statement:
    /// <c>FROM json_each(parents) p CROSS JOIN rows r WHERE r.key IN (SELECT key … WHERE fk = p.value … ORDER BY … LIMIT n)</c>.
    /// SQLite runs the subquery once per parent through the foreign key's index and stops at the limit, then reads
    /// the rows by primary key: a nested list never reads more rows than it returns. Rows come grouped by nothing;
    /// the caller groups them by <paramref name="foreignKey"/>, which is always read.
    /// </summary>
    public List<T> FirstPerParent<T>(EntityShape<T> shape, Expression<Func<T, string?>> foreignKey, IReadOnlyCollection<string> parentKeys,
        FilterNode? filter, IReadOnlyList<SortKey> order, int first, IReadOnlyCollection<string>? fields) where T : class =>
        FirstPerParent(FirstPerParentStatement(shape, foreignKey, filter, order, first, fields), parentKeys);

    /// <summary>
    /// The statement of <see cref="FirstPerParent{T}(EntityShape{T}, Expression{Func{T, string}}, IReadOnlyCollection{string}, FilterNode, IReadOnlyList{SortKey}, int, IReadOnlyCollection{string})"/>
    /// written once, its parents left open: a nested list whose arguments are the same in every request (no variables)
    /// keeps it, and a request then only fills in its parents.
    /// </summary>
    public static NestedListStatement<T> FirstPerParentStatement<T>(EntityShape<T> shape, Expression<Func<T, string?>> foreignKey,
        FilterNode? filter, IReadOnlyList<SortKey> order, int first, IReadOnlyCollection<string>? fields) where T : class
    {
        var members = Projection.Of(shape, fields, foreignKey);
        var table = SqlNames.Table(typeof(T));
        var sql = new SqlBuilder();
        var row = sql.Alias();
        var child = sql.Alias();
        var parents = new object(); // where the parents go, found again among the rendered parameters
        var condition = sql.Condition(filter, shape, child) is { } c ? Sql.Of($" AND ({c})") : Sql.Empty;
        // CROSS JOIN fixes the order: parents outside (SQLite would otherwise scan all rows in the list's order)
        var (text, parameters) = Sql.Of($"SELECT {SqlBuilder.Columns(typeof(T), members, row)} FROM json_each({parents}) p CROSS JOIN {table} {row} " +
            $"WHERE {SqlBuilder.Column(shape.KeyField.Selector, row)} IN (SELECT {SqlBuilder.Column(shape.KeyField.Selector, child)} FROM {table} {child} " +
            $"WHERE {SqlBuilder.Column(foreignKey, child)} = p.value{condition} ORDER BY {sql.OrderBy(shape, order, child)} LIMIT {first}) " +
            $"ORDER BY {sql.OrderBy(shape, order, row)}").Render();
        var slot = parameters.Select((p, i) => (p, i)).Single(x => ReferenceEquals(x.p, parents)).i;
        return new NestedListStatement<T>(text, [.. parameters], slot, RowReader.For<T>(members));
    }

    /// <summary>The rows of a nested list's statement for these parents.</summary>
    public List<T> FirstPerParent<T>(NestedListStatement<T> statement, IReadOnlyCollection<string> parentKeys)
    {
        object?[] parameters = [.. statement.Parameters];
        parameters[statement.ParentsAt] = JsonSerializer.Serialize(parentKeys);
        return connections.Query(statement.Text, parameters, statement.Read);
    }
}
