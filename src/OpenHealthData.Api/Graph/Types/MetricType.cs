using GraphQL.MicrosoftDI;
using GraphQL.Types;
using OpenHealthData.Api.Domain;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

public sealed class MetricType : EntityType<Metric>
{
    public MetricType() : base("What a figure measures: a definition with one unit.")
    {
        this.Children<Metric, Observation, ObservationType>("observations", "Figures of this metric.", m => m.Code, o => o.MetricCode);
        this.Reference<Metric, Metric, MetricType>("baseMetric", "For a growth or change metric: the metric whose change it is; null otherwise.", m => m.BaseMetricCode, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MetricAliasType>>>>("aliases")
            .Description("Old codes merged into this metric; they still resolve to it.").ReadsKeyOnly()
            .Resolve().WithService<MetricCodes>().Resolve((c, codes) => codes.AliasesOf(c.Source.Code).ToList());
        Field<NonNullGraphType<MetricCoverageType>>("coverage")
            .Description("Which regions, years and kinds its figures cover (computed once for all metrics).").ReadsKeyOnly()
            .Resolve().WithService<Search.Coverage>().Resolve((c, coverage) => coverage.Metrics.GetValueOrDefault(c.Source.Code) ?? new Search.MetricCoverage(0, [], [], []));
    }
}
