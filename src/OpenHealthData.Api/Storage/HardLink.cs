using System.Runtime.InteropServices;

namespace OpenHealthData.Api.Storage;

/// <summary>
/// A second name for a file that is never written again (the database: a rebuild writes a new file and renames it
/// over the old name, which leaves the linked one as it was). .NET has no API for hard links; POSIX link(2) it is.
/// </summary>
internal static partial class HardLink
{
    /// <summary>Links <paramref name="target"/> to the file at <paramref name="existing"/>; false where it cannot (Windows, another file system).</summary>
    public static bool TryCreate(string existing, string target)
    {
        if (OperatingSystem.IsWindows()) return false;
        try { return link(existing, target) == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string target);
}
