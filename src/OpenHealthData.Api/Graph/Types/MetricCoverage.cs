using GraphQL;
using GraphQL.Types;
using OpenHealthData.Data.Comparing;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>What a metric's figures cover: which regions, years and kinds, how many.</summary>
public sealed record MetricCoverage(IReadOnlyList<string> RegionCodes, IReadOnlyList<int> Years, IReadOnlyList<string> Kinds, int Count);
