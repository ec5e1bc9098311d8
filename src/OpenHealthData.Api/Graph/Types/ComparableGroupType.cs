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
        Description = "Like-for-like figures from two or more regions: one metric, the same dimensions, unit and kind; with whether they can be ranked and the notes a careful reader needs (scale, years, wording).";
        Field<NonNullGraphType<MetricType>>("metric").Resolve().WithService<ResolverServices>().Resolve((c, services) => GraphFields.ByKey<Metric>(services, c.Source.MetricCode));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DimensionType>>>>("dimensions").Resolve(c => Dimensions.Parse(c.Source.Dimensions));
        Field<NonNullGraphType<StringGraphType>>("unit").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IntGraphType>>("regionCount").Description("Distinct regions in the group (two or more).").Resolve(c => c.Source.RegionCount);
        Field<NonNullGraphType<BooleanGraphType>>("rankable").Description("False when a member is a bound (AT_LEAST, AT_MOST) or a range: the figures can be shown together but not ordered; rankableNote says which.").Resolve(c => c.Source.Rankable);
        Field<StringGraphType>("rankableNote").Description("Why the group cannot be ranked; null when it can.").Resolve(c => c.Source.RankableNote);
        Field<StringGraphType>("scaleNote").Description("Amounts (counts, people, yuan) of regions of different levels: the difference is mostly scale, not performance; null otherwise.").Resolve(c => c.Source.ScaleNote);
        Field<StringGraphType>("yearNote").Description("A member's year is not stated by the text (filed by its report's rule, e.g. the report's own year), or the years differ; null otherwise.").Resolve(c => c.Source.YearNote);
        Field<StringGraphType>("wordingNote").Description("The reports word the indicator differently (nameAsWritten of each figure); null when they agree but for form.").Resolve(c => c.Source.WordingNote);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("years").Resolve(c => c.Source.Observations.Select(o => o.Year).Distinct().Order().ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ObservationType>>>>("rows")
            .Description("One figure per region and year (two reports of one region and year give two rows), ordered by region, year and id: region, value, qualifier, unit, valueAsWritten, quote, citation …")
            .Resolve(c => c.Source.Observations);
    }
}
