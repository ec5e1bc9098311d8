namespace OpenHealthData.Api.Querying;

/// <summary>What a list asks for, read once from GraphQL arguments or REST parameters: a filter, an order and a page.</summary>
public sealed record ListQuery(FilterNode? Filter, IReadOnlyList<SortKey> Order, PageRequest Page)
{
    /// <summary>A canonical text: equal queries have equal texts (the key of a batch of nested lists).</summary>
    public override string ToString() =>
        $"where {Filter?.ToString() ?? "-"} order {string.Join(",", Order)} page {Page.First}/{Page.After}/{Page.Last}/{Page.Before}";
}
