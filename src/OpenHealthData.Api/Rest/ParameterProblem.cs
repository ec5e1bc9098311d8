using Microsoft.AspNetCore.Http.HttpResults;

namespace OpenHealthData.Api.Rest;

/// <summary>A malformed query-string parameter: answered 400 with a detail that names it and says the form it takes.</summary>
public sealed record ParameterProblem(string Parameter, string Detail)
{
    public ProblemHttpResult ToResult() => TypedResults.Problem(Detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request",
        extensions: new Dictionary<string, object?> { ["parameter"] = Parameter });
}
