using GraphQL.Types;
using OpenHealthData.Api.Search;

namespace OpenHealthData.Api.Graph.Types;

public sealed class SearchEdgeType : ObjectGraphType<SearchHit>
{
    public SearchEdgeType()
    {
        Name = "SearchEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<ObservationType>>("node").Resolve(c => c.Source.Observation);
        Field<NonNullGraphType<FloatGraphType>>("score").Description("Relevance: higher is better; comparable within one search only.").Resolve(c => c.Source.Score);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchMatchType>>>>("matches")
            .Description("The fields of the figure where the words occur (quote, quoteEn, sentence, metric.nameZh, metric.nameEn, note), with the spans to highlight. Empty when the figure matched through other fields, such as a metric keyword or the source.")
            .Resolve(c => c.Source.Matches);
    }
}
