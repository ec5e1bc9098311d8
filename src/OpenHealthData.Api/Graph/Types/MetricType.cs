using System.Linq.Expressions;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

public sealed class MetricType : EntityType<Metric>
{
    private static readonly IReadOnlyList<string> CoverageFields = ["metricCode", "regionCode", "year", "kind"];

    public MetricType() : base("What a figure measures: a definition with one unit.")
    {
        this.Children<Metric, Observation, ObservationType>("observations", "Figures of this metric.", m => m.Code, o => o.MetricCode);
        this.Reference<Metric, Metric, MetricType>("baseMetric", "For a growth or change metric: the metric whose change it is; null otherwise.", m => m.BaseMetricCode, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MetricAliasType>>>>("aliases")
            .Description("Old codes merged into this metric; they still resolve to it.").ReadsKeyOnly()
            .Resolve().WithService<MetricCodes>().Resolve((c, codes) => codes.AliasesOf(c.Source.Code).ToList());
        Field<NonNullGraphType<MetricCoverageType>>("coverage")
            .Description("Which regions, years and kinds its figures cover (loaded for all metrics of a page at once).").ReadsKeyOnly()
            .Resolve().WithService<ResolverServices>().Resolve((ctx, services) =>
            {
                var lists = services.Lists;
                return services.Loaders.Get<string, MetricCoverage>("Metric.coverage", (codes, _) =>
                {
                    var shape = Shapes.Observation;
                    var rows = lists.List(shape, FilterNode.Where(shape.FindScalar("metricCode")!, FilterOperators.In, codes.ToList()), [], CoverageFields);
                    return Task.FromResult(rows.GroupBy(r => r.MetricCode).ToDictionary(g => g.Key, g => new MetricCoverage(
                        [.. g.Select(r => r.RegionCode).Distinct().Order(StringComparer.Ordinal)], [.. g.Select(r => r.Year).Distinct().Order()],
                        [.. g.Select(r => r.Kind).Distinct().Order(StringComparer.Ordinal)], g.Count())));
                }).Load(ctx.Source.Code, coverage => coverage ?? new MetricCoverage([], [], [], 0));
            });
    }
}
