using GraphQL.MicrosoftDI;
using GraphQL.Types;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

public sealed class MetricAliasType : ObjectGraphType<MetricAlias>
{
    public MetricAliasType()
    {
        Name = "MetricAlias";
        Description = "An old metric code, merged into another metric; it still resolves in metric(code:), series, compare and REST.";
        Field<NonNullGraphType<StringGraphType>>("alias").Description("The old code.").Resolve(c => c.Source.Alias);
        Field<NonNullGraphType<MetricType>>("metric").Description("The metric it now means.").Resolve().WithService<ResolverServices>().Resolve((c, services) => GraphFields.ByKey<Metric>(services, c.Source.MetricCode));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DimensionType>>>>("dimensions").Description("The dimensions the old code stood for.").Resolve(c => Dimensions.Parse(c.Source.Dimensions));
        Field<StringGraphType>("note").Description("Why it was merged.").Resolve(c => c.Source.Note);
    }
}
