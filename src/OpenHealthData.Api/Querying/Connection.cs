namespace OpenHealthData.Api.Querying;

/// <summary>A Relay connection page. The total is counted only when someone asks for it.</summary>
public sealed class Connection<T>(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, Func<CancellationToken, Task<int>> count)
{
    private Task<int>? _total;
    public IReadOnlyList<Edge<T>> Edges => edges;
    public IEnumerable<T> Nodes => edges.Select(e => e.Node);
    public PageInfo PageInfo => pageInfo;
    public Task<int> TotalCountAsync(CancellationToken ct) => _total ??= count(ct);
}
