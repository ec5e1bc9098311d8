namespace OpenHealthData.Data;

/// <summary>
/// The order of SQLite's default BINARY collation (memcmp of the UTF-8 bytes), for .NET strings: what
/// <c>ORDER BY</c> on a text column gives. It is ordinal order except for characters outside the Basic Multilingual
/// Plane, which UTF-16 writes as surrogates (U+D800–DFFF) below U+E000–FFFF, and UTF-8 after them.
/// </summary>
public sealed class SqliteTextOrder : IComparer<string>
{
    public static readonly SqliteTextOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
        var length = Math.Min(x.Length, y.Length);
        var at = x.AsSpan(0, length).CommonPrefixLength(y.AsSpan(0, length));
        return at == length ? x.Length.CompareTo(y.Length) : CodePointRank(x[at]).CompareTo(CodePointRank(y[at]));
    }

    /// <summary>Moves surrogates above U+FFFF's neighbours, as the code points they encode are.</summary>
    private static int CodePointRank(char c) => c >= 0xD800 ? (c >= 0xE000 ? c - 0x800 : c + 0x2000) : c;
}
