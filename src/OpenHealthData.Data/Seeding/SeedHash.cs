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
        // Each file through one buffer: a new array per file would be large-object heap for the big ones.
        var buffer = new byte[1024 * 1024];
        foreach (var (full, relative) in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
            using var content = File.OpenHandle(full);
            var length = RandomAccess.GetLength(content);
            sha.AppendData(BitConverter.GetBytes(length));
            long at = 0;
            for (int read; at < length && (read = RandomAccess.Read(content, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - at)), at)) > 0;)
            {
                sha.AppendData(buffer, 0, read);
                at += read;
            }
            if (at != length) throw new IOException($"{relative} changed while it was read: seed again when the seed data is written.");
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }
}
