using System.CommandLine;
using OpenHealthData.Api.Hosting;
using OpenHealthData.Api.Storage;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Api.Commands;

/// <summary>The command line: serve (the default), seed, validate, export-schema.</summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["serve", "seed", "validate", "export-schema", "draft", "evaluate-drafts", "--help", "-h", "-?", "--version"];

    /// <summary>Plain `dotnet run` and host arguments (--urls …) go straight to the server, as the test host expects.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static Task<int> RunAsync(string[] args)
    {
        var seedData = new Option<string?>("--seed-data") { Description = "The seed-data folder (default: the nearest seed-data/ above the working directory)." };
        var database = new Option<string?>("--database") { Description = "The SQLite file (default: data/openhealthdata.db beside seed-data/)." };
        var output = new Option<string?>("--out") { Description = "Where to write the files (default: schema/ beside seed-data/)." };

        var validate = new Command("validate", "Check seed-data/ without building anything: one line per error (file, line, record, field), exit code 1 on any error.") { seedData };
        validate.SetAction(r => Validate(Paths(r.GetValue(seedData), null)));

        var seed = new Command("seed", "Build the database and its snapshot files from seed-data/, as the server does on first start.") { seedData, database };
        seed.SetAction((r, ct) => Seed(Paths(r.GetValue(seedData), r.GetValue(database)), ct));

        var export = new Command("export-schema", "Write schema/schema.graphql, schema/openapi.json and schema/filters.md from the code.") { seedData, output };
        export.SetAction((r, ct) => ExportSchema(r.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(Paths(r.GetValue(seedData), null).ResolvedSeedDirectory)!, "schema"), ct));

        var serve = new Command("serve", "Run the API (the default); host options such as --urls http://127.0.0.1:5080 pass through.") { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction((r, ct) => StartupRefusal.RunAsync([.. r.UnmatchedTokens], ApiHost.BuildApp, ct));

        var root = new RootCommand("OpenHealthData: figures from Chinese public-health reports, served read-only over GraphQL and REST.")
        {
            serve, seed, validate, export, DraftCommands.Draft(seedData), DraftCommands.Evaluate(seedData),
        };
        return root.Parse(args).InvokeAsync();
    }

    private static DataOptions Paths(string? seedData, string? database) => new() { SeedDirectory = seedData, DatabasePath = database };

    private static int Validate(DataOptions options)
    {
        var seed = options.ResolvedSeedDirectory;
        Console.WriteLine($"Reading and validating {seed} …");
        var (set, errors) = SeedReader.TryRead(seed);
        foreach (var error in errors) Console.Error.WriteLine(error);
        if (set is null)
        {
            Console.Error.WriteLine($"{errors.Count} error(s) in {seed}");
            return 1;
        }
        Console.WriteLine($"{seed} is valid (seed-data {set.Hash}): {string.Join(", ", DatabaseBuilder.Counts(set).Select(c => $"{c.Value} {c.Key}"))}");
        foreach (var group in set.Observations.GroupBy(o => o.SourceId))
            Console.WriteLine($"  {group.Key}: {group.Count()} observations");
        return 0;
    }

    private static async Task<int> Seed(DataOptions options, CancellationToken ct)
    {
        Console.WriteLine($"Building {options.ResolvedDatabasePath} from {options.ResolvedSeedDirectory} …");
        // The storage services alone, in a plain host (configuration and console logging): no web server.
        // Without watching the configuration files for changes: the watcher would follow every file the seed writes
        // below the working folder (gigabytes at a million figures).
        var builder = Host.CreateApplicationBuilder(["--Data:SeedDirectory", options.ResolvedSeedDirectory, "--Data:DatabasePath", options.ResolvedDatabasePath,
            "--hostBuilder:reloadConfigOnChange", "false"]);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.AddStorage(builder.Configuration);
        using var host = builder.Build();
        var initializer = host.Services.GetRequiredService<DatabaseInitializer>();
        try
        {
            await initializer.StartAsync(ct); // logs each step: validation, database, every snapshot file
        }
        catch (SeedValidationException)
        {
            return 1; // the initializer has logged every error
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return StartupRefusal.Report(e, options.ResolvedDatabasePath, verbose: false);
        }
        Console.WriteLine($"{options.ResolvedDatabasePath} is current (seed-data {initializer.Status.SeedHash}): " +
                          string.Join(", ", initializer.Status.Counts.Select(c => $"{c.Value} {c.Key}")));
        return 0;
    }

    private static async Task<int> ExportSchema(string folder, CancellationToken ct)
    {
        // The OpenAPI document describes the web app's endpoints, which reach the API explorer once the app runs;
        // a loopback port chosen by the OS is enough.
        await using var app = ApiHost.BuildApp(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync(ct);
        SchemaExport.Write(app.Services, folder);
        await app.StopAsync(ct);
        Console.WriteLine($"Wrote {Path.Combine(folder, SchemaExport.GraphQLFile)}, {Path.Combine(folder, SchemaExport.OpenApiFile)} and {Path.Combine(folder, SchemaExport.FiltersFile)}");
        return 0;
    }
}
