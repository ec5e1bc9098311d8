using Microsoft.AspNetCore.Http.HttpResults;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data;

namespace OpenHealthData.Api.Rest;

/// <summary>GET /api/v1/compare: the like-for-like groups of GraphQL compare, over REST.</summary>
public static class CompareEndpoint
{
    /// <summary>Query parameters dimension.&lt;name&gt;=&lt;value&gt; select dimensions, e.g. dimension.population=key_groups.</summary>
    private const string DimensionPrefix = "dimension.";

    public static void MapCompareEndpoint(this RouteGroupBuilder api) =>
api.MapGet("/compare", async Task<Results<Ok<ComparisonAnswer>, ProblemHttpResult>> (
            HttpContext http, HealthDbContext db, MetricCodes codes, ReferenceCache references, CancellationToken ct) =>
        {
            var query = http.Request.Query;
            try
            {
                var metric = query["metric"].ToString();
                if (metric.Length == 0) throw new QueryArgumentException("'metric' is required: a metric code, e.g. /api/v1/compare?metric=family_doctor_signing_rate.");
                int? year = null;
                if (query["year"].ToString() is { Length: > 0 } text)
                    year = int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var y)
                        ? y : throw new QueryArgumentException($"'year' must be a whole number, e.g. 2023; got '{text}'.");
                var kind = query["kind"].ToString() is { Length: > 0 } k ? k : null;
                var dimensions = query.Where(p => p.Key.StartsWith(DimensionPrefix, StringComparison.Ordinal))
                    .Select(p => new KeyValuePair<string, string>(p.Key[DimensionPrefix.Length..], p.Value.ToString())).ToList();
                var groups = await ComparisonQuery.RunAsync(db, codes, references, metric, year, kind, dimensions, ct);
                return TypedResults.Ok(new ComparisonAnswer(metric, codes.Resolve(metric)!.Metric.Code, [.. groups.Select(g => new ComparisonGroup(
                    Data.Model.Dimensions.Parse(g.Dimensions).ToDictionary(), g.Unit, g.Kind, g.RegionCount, [.. g.Observations.Select(o => RestEndpoints.Row("observations", o))]))]));
            }
            catch (UnknownKeyException e)
            {
                return RestEndpoints.NotFound(e.Message);
            }
            catch (QueryArgumentException e)
            {
                return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");
            }
        }).WithName("Compare").WithTags("Lookups")
          .WithSummary("Like-for-like figures of a metric across regions: ?metric=&year=&kind=&dimension.<name>=<value>.")
          .WithDescription("Groups of the same metric, dimensions, unit and kind with figures from two or more regions (figures about single institutions are left out); " +
                           "each row is an observation as in the observations dataset. An old metric code adds the dimensions it stood for. " +
                           "400 for a bad year, kind or dimension, or an institution-scope metric; 404 for an unknown metric.")
          .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
}
