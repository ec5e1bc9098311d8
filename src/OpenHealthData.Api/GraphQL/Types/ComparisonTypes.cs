using GraphQL;
using GraphQL.Types;
using OpenHealthData.Data.Comparing;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.GraphQL.Types;

public sealed class ComparableGroupType : ObjectGraphType<ComparableGroup>
{
    public ComparableGroupType()
    {
        Name = "ComparableGroup";
        Description = "Like-for-like figures from two or more regions: one metric, the same dimensions, unit and kind.";
        Field<NonNullGraphType<MetricType>>("metric").Resolve(c => GraphFields.ByKey<Metric>(c, c.Source.MetricCode));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DimensionType>>>>("dimensions").Resolve(c => Dimensions.Parse(c.Source.Dimensions));
        Field<NonNullGraphType<StringGraphType>>("unit").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IntGraphType>>("regionCount").Description("Distinct regions in the group (two or more).").Resolve(c => c.Source.RegionCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("years").Resolve(c => c.Source.Observations.Select(o => o.Year).Distinct().Order().ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ObservationType>>>>("rows")
            .Description("One figure per region and year (two reports of one region and year give two rows), ordered by region, year and id: region, value, qualifier, unit, valueAsWritten, quote, citation …")
            .Resolve(c => c.Source.Observations);
    }
}

/// <summary>What a metric's figures cover: which regions, years and kinds, how many.</summary>
public sealed record MetricCoverage(IReadOnlyList<string> RegionCodes, IReadOnlyList<int> Years, IReadOnlyList<string> Kinds, int Count);

public sealed class MetricCoverageType : ObjectGraphType<MetricCoverage>
{
    public MetricCoverageType()
    {
        Name = "MetricCoverage";
        Description = "What a metric's figures cover, to see what can be compared (compare() gives the like-for-like groups).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionType>>>>("regions").Description("Regions with figures, by code.")
            .Resolve(c =>
            {
                var regions = c.RequestServices!.GetRequiredService<Querying.ReferenceCache>().Table<Region>()!;
                return c.Source.RegionCodes.Select(code => regions[code]).ToList();
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("years").Resolve(c => c.Source.Years);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("kinds").Resolve(c => c.Source.Kinds);
        Field<NonNullGraphType<IntGraphType>>("count").Description("Figures of the metric.").Resolve(c => c.Source.Count);
    }
}

public sealed class MetricAliasType : ObjectGraphType<MetricAlias>
{
    public MetricAliasType()
    {
        Name = "MetricAlias";
        Description = "An old metric code, merged into another metric; it still resolves in metric(code:), series, compare and REST.";
        Field<NonNullGraphType<StringGraphType>>("alias").Description("The old code.").Resolve(c => c.Source.Alias);
        Field<NonNullGraphType<MetricType>>("metric").Description("The metric it now means.").Resolve(c => GraphFields.ByKey<Metric>(c, c.Source.MetricCode));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DimensionType>>>>("dimensions").Description("The dimensions the old code stood for.").Resolve(c => Dimensions.Parse(c.Source.Dimensions));
        Field<StringGraphType>("note").Description("Why it was merged.").Resolve(c => c.Source.Note);
    }
}
