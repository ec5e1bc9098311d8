using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.OpenApi;
using OpenHealthData.Api.Querying;
using Swashbuckle.AspNetCore.Swagger;

namespace OpenHealthData.Api.Hosting;

/// <summary>The public contracts as the running code defines them: GraphQL SDL, the OpenAPI document and the filter reference.</summary>
public static class SchemaExport
{
    public const string GraphQLFile = "schema.graphql";
    public const string OpenApiFile = "openapi.json";
    public const string FiltersFile = "filters.md";

    public static string GraphQLSdl(IServiceProvider services)
    {
        var schema = services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    public static string OpenApiJson(IServiceProvider services)
    {
        var document = services.GetRequiredService<ISwaggerProvider>().GetSwagger("v1");
        using var writer = new StringWriter();
        document.SerializeAsV3(new OpenApiJsonWriter(writer));
        return writer.ToString().ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    /// <summary>Writes the three files into <paramref name="folder"/> (the repository's schema/).</summary>
    public static void Write(IServiceProvider services, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, GraphQLFile), GraphQLSdl(services));
        File.WriteAllText(Path.Combine(folder, OpenApiFile), OpenApiJson(services));
        File.WriteAllText(Path.Combine(folder, FiltersFile), FilterDocs.Markdown());
    }
}
