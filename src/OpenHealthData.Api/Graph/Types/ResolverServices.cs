using Microsoft.Extensions.Options;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>
/// What the resolvers use, for one request (scoped), handed to them by GraphQL.NET's resolver builder
/// (<c>Resolve().WithService&lt;ResolverServices&gt;()</c>) instead of each looking services up.
/// </summary>
public sealed class ResolverServices(ListQueries lists, BatchLoaders loaders, ReferenceCache references, RegionTree regions, IOptions<PagingOptions> paging)
{
    /// <summary>The lists of the query language, run as prepared SQL.</summary>
    public ListQueries Lists => lists;
    public BatchLoaders Loaders => loaders;
    public ReferenceCache References => references;
    public RegionTree Regions => regions;
    public PagingOptions Paging => paging.Value;
}
