using GraphQL;
using GraphQL.Types;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Search;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>The root field <c>search(text:, first:, after:, where:, withinRegion:)</c>, added to the query type by one call.</summary>
public static class SearchField
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<SearchConnectionType>>("search")
            .Description("Figures whose metric (names, keywords), quote, English rendering, sentence, note, region, institution, programme or source contain every word of text — Chinese or English, any case — most relevant first, with the matched spans and facets. Combine with where and withinRegion as on observations.")
            .Argument<NonNullGraphType<StringGraphType>>("text", $"Words to find (at most {SearchTerms.MaxLength} characters); \"quoted words\" are found together.")
            .Argument<IntGraphType>("first", "Results from the start (after 'after'); default and maximum page size as for connections.")
            .Argument<StringGraphType>("after", "Cursor: results after this one.")
            .Argument(typeof(FilterInputType<Observation>), "where", a => a.Description = "Filter on the figures, as on observations.")
            .Argument<StringGraphType>("withinRegion", "Region code: only figures of this region and every region below it.")
            .ResolveAsync(async ctx =>
            {
                var services = ctx.RequestServices!;
                var text = ctx.GetArgument<string>("text");
                if (string.IsNullOrWhiteSpace(text)) throw new QueryArgumentException("'text' must contain a word to search for.");
                // where arrives already read into a filter node (FilterInputType parses itself).
                var query = ctx.GetArgument<FilterNode?>("where");
                if (ctx.GetArgument<string?>("withinRegion") is { } region)
                    query = FilterNode.And(query, services.GetRequiredService<RegionTree>().Within(Shapes.Observation, region));
                return await services.GetRequiredService<SearchService>().SearchAsync(text, query,
                    new PageRequest(ctx.GetArgument<int?>("first"), ctx.GetArgument<string?>("after")), ctx.CancellationToken);
            });
}
