using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace OpenHealthData.Api.Rest;

/// <summary>Lists a route's <see cref="QueryParameters"/> in the OpenAPI document, from the same definitions that read them.</summary>
public sealed class QueryParametersInOpenApi : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<QueryParameters>().FirstOrDefault() is not { } parameters) return;
        operation.Parameters ??= [];
        foreach (var parameter in parameters.All)
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Description = $"{parameter.Description} Must be {parameter.Form.Expected}." + (parameter.Form is ParameterForm.Code code
                    ? $" An unknown code is a 400 problem naming '{parameter.Name}'; GET /api/v1/snapshots/latest/{code.Dataset}.json lists the codes." : ""),
                Schema = parameter.Form switch
                {
                    ParameterForm.WholeNumber n => new OpenApiSchema
                    {
                        Type = JsonSchemaType.Integer, Format = "int32",
                        Minimum = n.Min.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Maximum = n.Max.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    },
                    ParameterForm.Text t => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = t.MaxLength },
                    ParameterForm.Code => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 100 },
                    ParameterForm.OneOf o => new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Enum = [.. o.Values.Order(StringComparer.Ordinal).Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v))],
                    },
                    _ => new OpenApiSchema { Type = JsonSchemaType.String },
                },
            });
    }
}
