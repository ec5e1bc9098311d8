using System.Text;

namespace OpenHealthData.Api.Querying;

/// <summary>
/// Offset cursors, as HotChocolate's default paging: a cursor is the opaque position of a row in the ordered
/// result, so any order (including nested fields) pages consistently.
/// </summary>
public static class Paging
{
    /// <summary>Reads the rows of a page and the total count, given the page's numbers.</summary>
    /// <param name="skip">Rows to skip in the order.</param>
    /// <param name="take">Rows to read (one more than the page, to know whether there is a next one).</param>
    /// <param name="countToo">Count the total in the same statement; the total is then given with the rows (when there are any).</param>
    public delegate (List<T> Rows, int? Total) Fetch<T>(int skip, int take, bool countToo);

    /// <param name="withTotal">The total will be asked for: count it in the page's own statement.</param>
    public static Connection<T> Page<T>(PageRequest request, PagingOptions options, bool withTotal, Func<int> count, Fetch<T> fetch)
    {
        CheckPageSize(request.First, "first", options.MaxPageSize);
        CheckPageSize(request.Last, "last", options.MaxPageSize);
        var start = request.After is null ? 0 : Decode(request.After, "after") + 1;
        int? end = request.Before is null ? null : Decode(request.Before, "before");
        int? total = null;
        int Count() => total ??= count();

        if (end is not null && end >= Count()) throw OutOfRange("before", end.Value, Count());
        if (end is not null && end < start) end = start;
        int skip = start, take;
        if (request.Last is { } last && request.First is null)
        {
            end ??= Count();
            skip = Math.Max(start, end.Value - last);
            take = end.Value - skip;
        }
        else
        {
            take = request.First ?? options.DefaultPageSize;
            if (end is not null) take = Math.Min(take, end.Value - start);
            if (request.Last is { } lastToo && lastToo < take) { skip += take - lastToo; take = lastToo; }
        }

        var rows = new List<T>();
        if (take > 0)
        {
            (rows, var counted) = fetch(skip, take + 1, withTotal && total is null);
            total ??= counted;
        }
        // A cursor names a row: one past the last row is no row (a page after the last row is empty, and that is all).
        if (request.After is not null && rows.Count == 0 && start - 1 >= Count()) throw OutOfRange("after", start - 1, Count());
        var hasMore = rows.Count > take;
        var edges = rows.Take(take).Select((row, i) => new Edge<T>(Encode(skip + i), row)).ToList();
        var info = new PageInfo(
            HasNextPage: hasMore || request.Before is not null, // the row at 'before' lies after the page
            HasPreviousPage: skip > 0,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
        return new Connection<T>(edges, info, _ => Task.FromResult(Count()));
    }

    /// <summary>The one check of a page size, for connections and nested lists alike.</summary>
    public static void CheckPageSize(int? size, string name, int maxPageSize)
    {
        if (size is < 0 || size > maxPageSize)
            throw new QueryArgumentException($"'{name}' must be between 0 and {maxPageSize}, the maximum page size; got {size}.", name);
    }

    private static QueryArgumentException OutOfRange(string argument, int position, int total) =>
        new($"'{argument}' is a cursor past the last row (row {position + 1} of {total}); use a cursor returned by this API for this query.", argument);

    public static string Encode(int position) => Convert.ToBase64String(Encoding.ASCII.GetBytes($"pos:{position}"));

    /// <summary>
    /// The position a cursor names, or a client error naming <paramref name="argument"/>. Only the exact text this API
    /// writes is a cursor ("pos:" and digits, no sign, no leading zero), and never the largest int, so that the
    /// position after it is still a position.
    /// </summary>
    public static int Decode(string cursor, string argument)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("pos:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position)
                && position < int.MaxValue && Encode(position) == cursor)
                return position;
        }
        catch (FormatException) { }
        throw new QueryArgumentException($"'{argument}' is not a valid cursor; use a cursor returned by this API.", argument);
    }
}
