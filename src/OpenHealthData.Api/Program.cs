using OpenHealthData.Api.Commands;
using OpenHealthData.Api.Hosting;

namespace OpenHealthData.Api;

public partial class Program
{
    /// <summary>A command (seed, validate, export-schema, serve, --help), or else the server with the arguments as host options.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (CommandLine.IsCommand(args)) return await CommandLine.RunAsync(args);
        return await StartupRefusal.RunAsync(args, ApiHost.BuildApp);
    }
}
