using Microsoft.AspNetCore.Http.HttpResults;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Rest;

/// <summary>GET /api/v1/compare: the like-for-like groups of GraphQL compare, over REST.</summary>
public static class CompareEndpoint
{
    /// <summary>Query parameters dimension.&lt;name&gt;=&lt;value&gt; select dimensions, e.g. dimension.population=key_groups.</summary>
    private const string DimensionPrefix = "dimension.";

    /// <summary>The fixed query parameters of GET /api/v1/compare (besides dimension.&lt;name&gt;).</summary>
    public static readonly QueryParameters Parameters = new(
        new("metric", new ParameterForm.Code("a metric code such as family_doctor_signing_rate (or an old code of one)", "metrics"), "The metric to compare (required); an old code adds the dimensions it stood for."),
        new("year", new ParameterForm.WholeNumber("a year in four digits, such as 2023", 1000, 9999), "Only figures that refer to this year."),
        new("kind", new ParameterForm.Text("actual, target or change", 20), "Only figures of this kind; every kind (each in its own groups) when left out."));

    public static void MapCompareEndpoint(this RouteGroupBuilder api) =>
        api.MapGet("/compare", Results<Ok<ComparisonAnswer>, ProblemHttpResult> (
            HttpContext http, ListQueries lists, MetricCodes codes, ReferenceCache references, EntityCodes entities) =>
        {
            var query = http.Request.Query;
            if (!Parameters.TryRead(query, out var values, out var problem)) return problem.ToResult();
            if (entities.Unknown(Parameters, values) is { } unknown) return unknown.ToResult();
            if (values.GetValueOrDefault("metric") is not string metric)
                return new ParameterProblem("metric", "'metric' is required: a metric code, e.g. /api/v1/compare?metric=family_doctor_signing_rate.").ToResult();
            var dimensions = query.Where(p => p.Key.StartsWith(DimensionPrefix, StringComparison.Ordinal))
                .Select(p => new KeyValuePair<string, string>(p.Key[DimensionPrefix.Length..], p.Value.ToString())).ToList();
            try
            {
                var groups = ComparisonQuery.Run(lists, codes, references, metric, (int?)values.GetValueOrDefault("year"),
                    (string?)values.GetValueOrDefault("kind"), dimensions);
                return TypedResults.Ok(new ComparisonAnswer(metric, codes.Resolve(metric)!.Metric.Code, [.. groups.Select(g => new ComparisonGroup(
                    Data.Model.Dimensions.Parse(g.Dimensions).ToDictionary(), g.Unit, g.Kind, g.RegionCount,
                    g.Rankable, g.RankableNote, g.ScaleNote, g.YearNote, g.WordingNote, [.. g.Observations.Select(o => RestEndpoints.Row("observations", o))]))]));
            }
            catch (UnknownKeyException e)
            {
                return RestEndpoints.NotFound(e.Message);
            }
            catch (QueryArgumentException e)
            {
                return e.Argument is { } parameter ? new ParameterProblem(parameter, e.Message).ToResult()
                    : TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");
            }
        }).WithName("Compare").WithTags("Lookups").WithMetadata(Parameters)
          .WithSummary("Like-for-like figures of a metric across regions: ?metric=&year=&kind=&dimension.<name>=<value>.")
          .WithDescription("Groups of the same metric, dimensions, unit and kind with figures from two or more regions (figures about single institutions are left out); " +
                           "each row is an observation as in the observations dataset, with its flags. Each group says whether it can be ranked (rankable: false when a member is a bound, " +
                           "with rankableNote) and, where they apply, scaleNote (amounts of regions of different levels), yearNote (a year the text does not state, or years that differ) " +
                           "and wordingNote (the reports word the indicator differently). An old metric code adds the dimensions it stood for. " +
                           "Select dimensions with dimension.<name>=<value>, e.g. dimension.population=key_groups. " +
                           "400 for a missing or unknown metric (naming the parameter), a bad year, kind or dimension, or an institution-scope metric.")
          .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
}
