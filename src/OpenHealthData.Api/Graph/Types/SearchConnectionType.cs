using GraphQL.Types;
using OpenHealthData.Api.Search;

namespace OpenHealthData.Api.Graph.Types;

public sealed class SearchConnectionType : ObjectGraphType<SearchPage>
{
    public SearchConnectionType()
    {
        Name = "SearchConnection";
        Description = "A page of search results, most relevant first, with the facets of the whole result.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchEdgeType>>>>("edges").Description("The results with their cursors, scores and matched spans.").Resolve(c => c.Source.Hits);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ObservationType>>>>("nodes").Description("The figures of this page.").Resolve(c => c.Source.Hits.Select(h => h.Observation));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Results over all pages.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("terms").Description("The words searched for, as the text was understood (Chinese cut into words, synonyms kept together).").Resolve(c => c.Source.Terms);
        Field<NonNullGraphType<BooleanGraphType>>("allTermsMatched").Description("Whether the results have every word; false: no figure has them all, and the results are those with most of them.").Resolve(c => c.Source.AllTermsMatched);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("unmatchedTerms").Description("The words that found nothing at all.").Resolve(c => c.Source.Unmatched ?? []);
        Field<StringGraphType>("notice").Description("What a reader must be told about the words (English): the words no figure has, a misspelt word searched for as another; null when every word was found as typed.").Resolve(c => c.Source.Notice);
        Field<NonNullGraphType<SearchFacetsType>>("facets").Description("How the whole result spreads over regions, years, kinds, categories, metrics and sources: the matching metrics and regions.").Resolve(c => c.Source.Facets);
    }
}
