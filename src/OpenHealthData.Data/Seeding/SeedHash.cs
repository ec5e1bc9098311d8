using System.Security.Cryptography;
using System.Text;

namespace OpenHealthData.Data.Seeding;

/// <summary>A short content hash of the seed data: the database's version and the snapshot id.</summary>
public static class SeedHash
{
    public static string Compute(string seedDirectory)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.EnumerateFiles(seedDirectory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".jsonl", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal))
            .Select(f => (Full: f, Relative: Path.GetRelativePath(seedDirectory, f).Replace('\\', '/')))
            .Where(f => !f.Relative.StartsWith(Drafting.DraftFile.Folder + "/", StringComparison.Ordinal)) // drafts are not data until accepted
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (full, relative) in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
            var content = File.ReadAllBytes(full);
            sha.AppendData(BitConverter.GetBytes((long)content.Length));
            sha.AppendData(content);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }
}
