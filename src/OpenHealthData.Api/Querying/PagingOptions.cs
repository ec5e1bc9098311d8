namespace OpenHealthData.Api.Querying;

/// <summary>Page sizes. Configuration section "Paging".</summary>
public sealed class PagingOptions
{
    public int DefaultPageSize { get; set; } = 50;
    public int MaxPageSize { get; set; } = 500;
}
