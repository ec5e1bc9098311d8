using OpenHealthData.Api.Hosting;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests;

/// <summary>schema/ must be what the code serves; regenerate with the export-schema command when this fails.</summary>
[Collection(ApiCollection.Name)]
public sealed class SchemaDriftTests(ApiFactory api)
{
    private const string Fix = "schema/ is out of date: run `dotnet run --project src/OpenHealthData.Api -- export-schema` and commit the result.";

    [Fact]
    public void GraphQL_sdl_matches_the_committed_file()
    {
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Schema, SchemaExport.GraphQLFile)).ReplaceLineEndings("\n");
        Assert.True(committed == SchemaExport.GraphQLSdl(api.Services), Fix);
    }

    [Fact]
    public void OpenApi_document_matches_the_committed_file()
    {
        _ = api.CreateClient(); // starts the server, so the endpoints are known to the API explorer
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Schema, SchemaExport.OpenApiFile)).ReplaceLineEndings("\n");
        var current = SchemaExport.OpenApiJson(api.Services);
        Assert.True(committed == current, Fix);
        Assert.Contains("/api/v1/snapshots/{id}/{file}", current);
    }
}
