using OpenHealthData.Api.Domain;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Rest;

/// <summary>
/// The one REST rule for parameters that name an entity (<see cref="ParameterForm.Code"/>: region, withinRegion,
/// metric, source …): a code that names nothing is a 400 problem naming the parameter and where the valid codes are
/// listed, on every route, never an empty answer or a 404.
/// </summary>
public sealed class EntityCodes(ReferenceCache references, MetricCodes metrics)
{
    /// <summary>The first parameter whose code names nothing; null when all are known.</summary>
    public ParameterProblem? Unknown(QueryParameters parameters, IReadOnlyDictionary<string, object> values)
    {
        foreach (var parameter in parameters.All)
        {
            if (parameter.Form is not ParameterForm.Code form || values.GetValueOrDefault(parameter.Name) is not string code || Known(form.Dataset, code)) continue;
            var shown = code.Length > 40 ? code[..40] + "…" : code;
            return new ParameterProblem(parameter.Name,
                $"'{shown}' in '{parameter.Name}' names nothing: '{parameter.Name}' must be {form.Expected}; GET /api/v1/snapshots/latest/{form.Dataset}.json lists them.");
        }
        return null;
    }

    private bool Known(string dataset, string code) => dataset switch
    {
        "regions" => references.Table<Region>()!.ContainsKey(code),
        "metrics" => metrics.Resolve(code) is not null,
        "sources" => references.Table<Source>()!.ContainsKey(code),
        _ => throw new NotSupportedException($"No codes for the dataset {dataset}."),
    };
}
