using Microsoft.Extensions.Logging.Abstractions;
using OpenHealthData.Data;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Api.Hosting;

/// <summary>Command-line verbs beside serving: seed and validate.</summary>
public static class Commands
{
    public static Func<string[], Task<int>>? TryGet(string verb) => verb switch
    {
        "validate" => Validate,
        "seed" => Seed,
        "export-schema" => ExportSchema,
        _ => null,
    };

    /// <summary>Writes schema/schema.graphql and schema/openapi.json from the code, without starting the server.</summary>
    private static async Task<int> ExportSchema(string[] args)
    {
        var folder = Value(args, "--out") ?? Path.Combine(Path.GetDirectoryName(Options(args).ResolvedSeedDirectory)!, "schema");
        // Minimal API endpoints reach the API explorer once the app runs; a loopback port chosen by the OS is enough.
        await using var app = Program.BuildApp(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        SchemaExport.Write(app.Services, folder);
        await app.StopAsync();
        Console.WriteLine($"Wrote {Path.Combine(folder, SchemaExport.GraphQLFile)} and {Path.Combine(folder, SchemaExport.OpenApiFile)}");
        return 0;
    }

    private static DataOptions Options(string[] args) => new()
    {
        SeedDirectory = Value(args, "--seed-data"),
        DatabasePath = Value(args, "--database"),
    };

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static Task<int> Validate(string[] args)
    {
        var seed = Options(args).ResolvedSeedDirectory;
        var (set, errors) = SeedReader.TryRead(seed);
        foreach (var error in errors) Console.Error.WriteLine(error);
        if (set is null)
        {
            Console.Error.WriteLine($"{errors.Count} error(s) in {seed}");
            return Task.FromResult(1);
        }
        Console.WriteLine($"{seed} is valid (seed-data {set.Hash}): {string.Join(", ", DatabaseBuilder.Counts(set).Select(c => $"{c.Value} {c.Key}"))}");
        foreach (var group in set.Observations.GroupBy(o => o.SourceId))
            Console.WriteLine($"  {group.Key}: {group.Count()} observations");
        return Task.FromResult(0);
    }

    /// <summary>Builds the database and its snapshot files, as the server does on first start.</summary>
    private static async Task<int> Seed(string[] args)
    {
        var options = Options(args);
        var settings = new List<string> { "--Data:SeedDirectory", options.ResolvedSeedDirectory, "--Data:DatabasePath", options.ResolvedDatabasePath };
        await using var app = Program.BuildApp([.. settings]);
        try
        {
            await app.Services.GetRequiredService<DatabaseInitializer>().StartAsync(CancellationToken.None);
        }
        catch (SeedValidationException)
        {
            return 1; // the initializer has logged every error
        }
        var status = app.Services.GetRequiredService<DatabaseInitializer>().Status;
        Console.WriteLine($"{options.ResolvedDatabasePath} is current (seed-data {status.SeedHash}): {string.Join(", ", status.Counts.Select(c => $"{c.Value} {c.Key}"))}");
        return 0;
    }
}
