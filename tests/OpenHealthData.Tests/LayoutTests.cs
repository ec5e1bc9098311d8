using System.Text.RegularExpressions;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests;

/// <summary>The API project's layout: no cycles between its folders, and one public type per file, named after it.</summary>
public sealed partial class LayoutTests
{
    private static readonly string Project = Path.Combine(RepoPaths.Root, "src", "OpenHealthData.Api");

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    /// <summary>The folder a file is in, as a namespace suffix: "" for the project's root, "Graph.Types" for Graph/Types.</summary>
    private static string FolderOf(string file) =>
        Path.GetRelativePath(Project, Path.GetDirectoryName(file)!).Replace(Path.DirectorySeparatorChar, '.') is var f && f == "." ? "" : f;

    /// <summary>Folders a file uses: its usings of the project's namespaces and the names it qualifies with one.</summary>
    private static IEnumerable<string> UsedFolders(string text, IReadOnlySet<string> folders) =>
        UsingOfProject().Matches(text).Select(m => m.Groups[1].Value)
            .Concat(Qualified().Matches(text).Select(m => m.Groups[1].Value))
            .Where(folders.Contains);

    [Fact]
    public void Folders_have_no_cycles()
    {
        var files = SourceFiles().ToList();
        var folders = files.Select(FolderOf).ToHashSet();
        var uses = folders.ToDictionary(f => f, _ => new HashSet<string>());
        foreach (var file in files)
            foreach (var used in UsedFolders(File.ReadAllText(file), folders))
                if (used != FolderOf(file)) uses[FolderOf(file)].Add(used);

        Assert.True(folders.Count > 5, "the scan found the project's folders");
        Assert.Contains("Hosting", uses[""]); // the scan sees usings: Program starts the web host
        var state = new Dictionary<string, int>(); // 1 visiting, 2 done
        var path = new Stack<string>();
        string? Cycle(string folder)
        {
            if (state.GetValueOrDefault(folder) == 2) return null;
            if (state.GetValueOrDefault(folder) == 1) return string.Join(" -> ", path.Reverse().SkipWhile(f => f != folder).Append(folder));
            state[folder] = 1;
            path.Push(folder);
            foreach (var next in uses[folder].Order()) if (Cycle(next) is { } cycle) return cycle;
            path.Pop();
            state[folder] = 2;
            return null;
        }
        foreach (var folder in folders.Order())
            Assert.True(Cycle(folder) is null, $"Folders use each other in a cycle: {Cycle(folder)}");
    }

    [Fact]
    public void Every_file_holds_one_public_type_named_after_it()
    {
        var wrong = new List<string>();
        foreach (var file in SourceFiles())
        {
            var types = TopLevelType().Matches(File.ReadAllText(file))
                .Select(m => m.Groups[1].Value + (m.Groups[2].Success ? "{" + m.Groups[2].Value.Trim('<', '>') + "}" : "")).ToList();
            var name = Path.GetFileNameWithoutExtension(file);
            if (types.Count != 1 || (types[0] != name && types[0].Split('{')[0] != name))
                wrong.Add($"{Path.GetRelativePath(Project, file)}: {string.Join(", ", types)}");
        }
        Assert.True(wrong.Count == 0, "Files that do not hold exactly one public type named after them:\n" + string.Join("\n", wrong));
    }

    [GeneratedRegex(@"^using OpenHealthData\.Api\.([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex UsingOfProject();

    [GeneratedRegex(@"(?<![\w.])(Commands|Domain|Graph|Hosting|Querying|Rest|Serving|Storage)\.[A-Z]\w*\b")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"^(?:public|internal) (?:sealed |abstract |static |partial |readonly )*(?:class|record struct|record|struct|interface|enum) (\w+)(<[\w, ]+>)?", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
