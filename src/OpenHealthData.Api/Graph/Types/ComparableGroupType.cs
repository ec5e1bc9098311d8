using GraphQL.MicrosoftDI;
using GraphQL.Types;
using OpenHealthData.Data.Comparing;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

public sealed class ComparableGroupType : ObjectGraphType<ComparableGroup>
{
    public ComparableGroupType()
    {
        Name = "ComparableGroup";
        Description = "Like-for-like figures from two or more regions: one metric, the same dimensions, unit and kind.";
        Field<NonNullGraphType<MetricType>>("metric").Resolve().WithService<ResolverServices>().Resolve((c, services) => GraphFields.ByKey<Metric>(services, c.Source.MetricCode));
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
