namespace OpenHealthData.Tests.Support;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string SeedData => Path.Combine(Root, "seed-data");
    public static string Schema => Path.Combine(Root, "schema");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OpenHealthData.sln"))) return dir.FullName;
        throw new InvalidOperationException("OpenHealthData.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A fresh folder under the system temp directory, removed when disposed.</summary>
    public static TempFolder NewTempFolder() => new();

    /// <summary>A copy of the shipped seed-data/ (every file) at <paramref name="target"/>, to break in a test.</summary>
    public static void CopySeedData(string target)
    {
        foreach (var file in Directory.GetFiles(SeedData, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(SeedData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}

public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ohd-tests", Guid.NewGuid().ToString("N"));
    public TempFolder() => Directory.CreateDirectory(Path);
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
