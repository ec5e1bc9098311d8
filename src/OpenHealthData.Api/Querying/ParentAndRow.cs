namespace OpenHealthData.Api.Querying;

/// <summary>A parent and one of its rows, inside the query that picks each parent's first rows (see Sorting.FirstPerParent).</summary>
public sealed class ParentAndRow<TParent, T>
{
    public required TParent Parent { get; init; }
    public required T Row { get; init; }
}
