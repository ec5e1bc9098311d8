using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OpenHealthData.Api.Storage;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Api.Hosting;

/// <summary>
/// A server or command that cannot start says why in plain lines on standard error, naming what and where, and
/// exits with 1: no stack trace (unless --verbose asks for it), no abort.
/// </summary>
public static class StartupRefusal
{
    public const string VerboseFlag = "--verbose";

    /// <summary>Runs the server; a failure to start is reported and gives exit code 1.</summary>
    public static async Task<int> RunAsync(string[] args, Func<string[], WebApplication> build, CancellationToken ct = default)
    {
        var verbose = args.Contains(VerboseFlag);
        args = [.. args.Where(a => a != VerboseFlag)];
        string? database = null;
        try
        {
            var app = build(args);
            database = app.Services.GetService<IOptions<DataOptions>>()?.Value.ResolvedDatabasePath;
            await app.RunAsync(ct);
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Report(e, database, verbose);
        }
    }

    public static int Report(Exception e, string? databasePath, bool verbose)
    {
        if (e is SeedValidationException seed)
            foreach (var error in seed.Errors) Console.Error.WriteLine(error);
        Console.Error.WriteLine("openhealthdata: cannot start: " + Describe(e, databasePath));
        if (verbose) Console.Error.WriteLine(e);
        return 1;
    }

    private static string Describe(Exception e, string? databasePath) => e switch
    {
        SeedValidationException seed => $"the seed data has {seed.Errors.Count} error(s), listed above.",
        SqliteException { SqliteErrorCode: 14 } => $"cannot open or create the database file {databasePath ?? "(unknown)"}: its folder must exist and be writable (SQLite error 14).",
        SqliteException sqlite => $"the database {databasePath ?? ""} cannot be used: {sqlite.Message}",
        AggregateException { InnerExceptions.Count: 1 } a => Describe(a.InnerException!, databasePath),
        _ when e.InnerException is not null && e is InvalidOperationException && e.Message.StartsWith("Hosting", StringComparison.Ordinal) => Describe(e.InnerException, databasePath),
        _ => e.Message.ReplaceLineEndings(" "),
    };
}
