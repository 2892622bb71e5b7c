using System.Runtime.InteropServices;

namespace DataIp.Crypto;

/// <summary>
/// Moves a whole file into place only if nothing is there yet, atomically. <see cref="File.Move(string, string, bool)"/>
/// with <c>overwrite: false</c> is atomic on Windows (MoveFileEx without REPLACE_EXISTING) but not on
/// Unix, where .NET checks that the destination is missing and then calls rename(2), which replaces:
/// two processes that both pass the check both "win", and each goes on with its own key (seen in CI
/// as two different log keys from eight concurrent first starts). On Unix this links the file under
/// its final name with link(2), which fails with EEXIST when the name exists, then removes the
/// temporary name.
/// </summary>
internal static partial class NoReplaceMove
{
    private const int FileExists = 17; // EEXIST on Linux and macOS.

    /// <summary>Moves <paramref name="source"/> to <paramref name="destination"/> unless the destination exists.</summary>
    /// <param name="source">A complete file on the same filesystem.</param>
    /// <param name="destination">The final name.</param>
    /// <returns>True if moved; false if the destination existed (the source is left in place).</returns>
    /// <exception cref="IOException">The move failed for another reason.</exception>
    public static bool TryMove(string source, string destination)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                File.Move(source, destination, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(destination))
            {
                return false;
            }
        }

        if (Link(source, destination) == 0)
        {
            File.Delete(source);
            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        if (error == FileExists)
        {
            return false;
        }

        throw new IOException($"Couldn't link {source} to {destination}: {Marshal.GetPInvokeErrorMessage(error)} (errno {error}).");
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string created);
}
