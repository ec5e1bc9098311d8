using GraphQL.Types;

namespace OpenHealthData.Api.Graph.Types;

public sealed class HealthSchema : Schema
{
    public HealthSchema(IServiceProvider services, QueryType query) : base(services)
    {
        Query = query;
        Description = "OpenHealthData: figures from Chinese public-health reports, each traceable to a verbatim quote.";
    }
}
