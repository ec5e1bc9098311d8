using GraphQL.MicrosoftDI;
using GraphQL.Types;
using OpenHealthData.Api.Search;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

public sealed class MetricCoverageType : ObjectGraphType<MetricCoverage>
{
    public MetricCoverageType()
    {
        Name = "MetricCoverage";
        Description = "What a metric's figures cover, to see what can be compared (compare() gives the like-for-like groups).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionType>>>>("regions").Description("Regions with figures, by code.")
            .Resolve().WithService<Domain.ReferenceCache>().Resolve((c, references) =>
            {
                var regions = references.Table<Region>()!;
                return c.Source.Regions.Select(code => regions[code]).ToList();
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("years").Resolve(c => c.Source.Years);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("kinds").Resolve(c => c.Source.Kinds);
        Field<NonNullGraphType<IntGraphType>>("count").Description("Figures of the metric.").Resolve(c => c.Source.Observations);
    }
}
