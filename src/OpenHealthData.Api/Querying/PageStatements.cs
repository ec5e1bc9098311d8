using OpenHealthData.Data;

namespace OpenHealthData.Api.Querying;

/// <summary>
/// The statements of a connection's pages for one filter, order and selection, each written once (with the total
/// counted in it, and without), the rows to skip and take left open: a connection whose arguments are the same in
/// every request (no variables) keeps them, and a request then only fills in its page.
/// </summary>
public sealed class PageStatements<T>(EntityShape<T> shape, FilterNode? filter, IReadOnlyList<SortKey> order, IReadOnlyCollection<string>? fields) where T : class
{
    private readonly IReadOnlyList<string> _members = Projection.Of(shape, fields);
    private PageStatement<T>? _counting, _plain;

    public EntityShape<T> Shape => shape;

    public PageStatement<T> For(bool countToo) => countToo ? _counting ??= Write(true) : _plain ??= Write(false);

    private PageStatement<T> Write(bool countToo)
    {
        var sql = new SqlBuilder();
        var row = sql.Alias();
        var where = SqlBuilder.Where(sql.Condition(filter, shape, row));
        // SQLite computes the uncorrelated count once for the statement, not once per row.
        var count = countToo ? Sql.Of($", ({ListQueries.CountSql(sql, shape, filter)})") : Sql.Empty;
        object skip = new(), take = new(); // where the page's numbers go, found again among the rendered parameters
        var (text, parameters) = Sql.Of($"SELECT {SqlBuilder.Columns(typeof(T), _members, row)}{count} FROM {SqlNames.Table(typeof(T))} {row}{where} ORDER BY {sql.OrderBy(shape, order, row)} LIMIT {take} OFFSET {skip}").Render();
        int At(object slot) => parameters.Select((p, i) => (p, i)).Single(x => ReferenceEquals(x.p, slot)).i;
        return new(text, [.. parameters], At(skip), At(take), countToo ? _members.Count : null, RowReader.For<T>(_members));
    }
}
