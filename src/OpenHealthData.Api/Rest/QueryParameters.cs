using System.Diagnostics.CodeAnalysis;

namespace OpenHealthData.Api.Rest;

/// <summary>
/// The query-string parameters of one route, read in one place: each given at most once, not empty, and in its form.
/// Attached to the route as metadata, so that the OpenAPI document lists the same parameters (<see cref="QueryParametersInOpenApi"/>).
/// Parameters the route does not define are ignored (cache-busters and the like).
/// </summary>
public sealed class QueryParameters(params QueryParameter[] parameters)
{
    public IReadOnlyList<QueryParameter> All => parameters;

    /// <summary>The values given, by name (absent parameters are left out); or the first malformed one.</summary>
    public bool TryRead(IQueryCollection query, [NotNullWhen(true)] out IReadOnlyDictionary<string, object>? values, [NotNullWhen(false)] out ParameterProblem? problem)
    {
        var read = new Dictionary<string, object>();
        (values, problem) = (null, null);
        foreach (var parameter in parameters)
        {
            if (!query.TryGetValue(parameter.Name, out var given)) continue;
            var expected = $"'{parameter.Name}' must be {parameter.Form.Expected}";
            if (given.Count > 1)
            {
                problem = new(parameter.Name, $"'{parameter.Name}' is given {given.Count} times; give it once. {expected}.");
                return false;
            }
            var text = given.ToString();
            if (text.Length == 0)
            {
                problem = new(parameter.Name, $"'{parameter.Name}' is empty. {expected}, or leave it out.");
                return false;
            }
            if (parameter.Form.Read(text) is not { } value)
            {
                problem = new(parameter.Name, $"{expected}; got '{Shown(text)}'.");
                return false;
            }
            read[parameter.Name] = value;
        }
        values = read;
        return true;
    }

    /// <summary>The client's text, shortened: an answer should not echo a long input back.</summary>
    private static string Shown(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
