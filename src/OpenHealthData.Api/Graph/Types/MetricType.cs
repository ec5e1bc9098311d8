using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

public sealed class MetricType : EntityType<Metric>
{
    public MetricType() : base("What a figure measures: a definition with one unit.")
    {
        this.Children<Metric, Observation, ObservationType>("observations", "Figures of this metric.", m => m.Code, o => o.MetricCode);
    }
}
