using GraphQL;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQLParser.AST;
using OpenHealthData.Api.Explore;
using OpenHealthData.Api.Graph;
using OpenHealthData.Api.Graph.Types;
using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Rest;
using OpenHealthData.Api.Review;
using OpenHealthData.Api.Search;
using OpenHealthData.Api.Serving;
using OpenHealthData.Api.Storage;
using OpenHealthData.Data;

namespace OpenHealthData.Api.Hosting;

/// <summary>The web server: its services and its endpoints.</summary>
public static class ApiHost
{
    public static WebApplication BuildApp(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot(args) });
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // A failure to start is said once, plainly, by StartupRefusal; the host would log it again with its stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        AddServices(builder.Services, builder.Configuration);
        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    /// <summary>
    /// The application's own folder, where appsettings.json and wwwroot are, wherever it is started from; unless a
    /// content root is configured (--contentRoot, ASPNETCORE_CONTENTROOT or DOTNET_CONTENTROOT: null leaves it to them).
    /// </summary>
    public static string? ContentRoot(string[] args)
    {
        var configured = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_").AddEnvironmentVariables("ASPNETCORE_").AddCommandLine(args)
            .Build()[WebHostDefaults.ContentRootKey];
        return string.IsNullOrEmpty(configured) ? AppContext.BaseDirectory : null;
    }

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddStorage(configuration);
        services.AddSingleton<IDataVersion>(sp => sp.GetRequiredService<DatabaseInitializer>());
        services.AddServing(configuration);
        services.Configure<PagingOptions>(configuration.GetSection("Paging"));
        services.Configure<RequestLimits>(configuration.GetSection("Limits"));
        services.AddWebHardening(configuration);
        services.AddHttpContextAccessor();
        services.AddSingleton<QueryCost>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer>());
        services.Configure<ResponseCacheOptions>(configuration.GetSection("ResponseCache"));
        services.AddSingleton<ResponseCache>();
        services.AddSingleton<GraphQLEndpoint>();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<GraphQL.DI.IConfigureExecution>(sp => sp.GetRequiredService<DocumentCache>());
        services.AddSingleton<LandingPage>();
        services.AddSingleton<Rest.EntityCodes>();
        services.AddRazorComponents(); // the explorer's pages are Razor components rendered on the server (RazorComponentResult)
        // Pages keep Chinese as characters: only markup-significant characters are encoded, not every non-Latin letter.
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddSearch();
        services.AddProblemDetails();
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.OperationFilter<QueryParametersInOpenApi>();
            o.SwaggerDoc("v1", new Microsoft.OpenApi.OpenApiInfo
            {
                Title = "OpenHealthData REST API",
                Version = "v1",
                Description = "Whole-dataset snapshots (JSON, CSV) and plain lookups beside the GraphQL endpoint at /graphql. " +
                              "Every figure carries its source and a verbatim quote.",
            });
        });
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["application/json", "application/graphql-response+json", "application/problem+json", "text/plain", "text/html"];
        });
        services.AddScoped<BatchLoaders>();
        services.AddScoped<ResolverServices>();
        services.AddGraphQL(b => b
            .AddSchema<HealthSchema>()
            .AddComplexityAnalyzer((o, sp) =>
            {
                // The limits are checked there rather than by MaxDepth/MaxComplexity, so that each gets its own error (and
                // code); a query within them is then charged to its client's rate limit by its cost.
                o.ValidateComplexityDelegate = sp.GetRequiredService<ValidatedOperations>().CheckComplexityAsync;
                // Introspection counts too, but its lists are as long as the schema, not 5 rows each:
                // each of its fields costs 1, so that GraphiQL's full introspection query fits.
                var standard = o.DefaultComplexityImpactDelegate;
                o.DefaultComplexityImpactDelegate = field => field.ParentType.Name.StartsWith("__", StringComparison.Ordinal)
                    ? new FieldComplexityResult(1, 1)
                    : standard(field);
            })
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddGraphTypes(typeof(HealthSchema).Assembly)
            .AddExecutionStrategy<PlainFieldsExecutionStrategy>(OperationType.Query)
            .AddErrorInfoProvider<ErrorCodes>());
        // GraphQL.NET's validator, remembering what it found for a cached operation without variables.
        services.AddSingleton<ValidatedOperations>();
        services.AddSingleton<IDocumentValidator>(sp => sp.GetRequiredService<ValidatedOperations>());
        services.AddTransient(typeof(FilterInputType<>));
        services.AddTransient(typeof(SortInputType<>));
        services.AddTransient(typeof(EnumOperationFilterInputType<>));
        services.AddTransient(typeof(ConnectionType<,>));
        services.AddTransient(typeof(EdgeType<,>));
    }

    public static void MapEndpoints(WebApplication app)
    {
        app.UseServing();
        // A statement still running when its client leaves is interrupted inside SQLite (GraphQL adds its time limit).
        app.Use(async (http, next) =>
        {
            using (ReadConnections.CancelWith(http.RequestAborted)) await next(http);
        });
        app.UseHttpConformance();
        app.UseRouting(); // here, not first: a HEAD request is routed as the GET it is answered as
        app.UseExceptionHandler();
        app.UseErrorPages();
        app.UseWebHardening();
        app.UseResponseCompression();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseSwagger(o => o.RouteTemplate = "swagger/{documentName}/swagger.json");
        app.UseSwaggerUI(o => o.RoutePrefix = "swagger");
        app.MapHealthEndpoints();
        app.MapGet("/", (LandingPage page, HttpContext http) => new Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<LandingView>(new { R = new Explore.ExploreRequest(http), page.Facts })).ExcludeFromDescription();
        app.MapGraphQLEndpoint();
        app.MapRestEndpoints();
        app.MapSearchEndpoints();
        app.MapExplorer();
        // The review of drafts writes into seed-data/: a tool of the person curating, never part of a deployed API.
        if (app.Environment.IsDevelopment()) app.MapReview();
    }
}
