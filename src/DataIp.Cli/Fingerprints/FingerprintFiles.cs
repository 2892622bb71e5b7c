using System.Reflection;
using DataIp.Domain.Fingerprinting;

namespace DataIp.Cli.Fingerprints;

/// <summary>Reading and writing the files the fingerprint commands name, with errors as messages.</summary>
internal static class FingerprintFiles
{
    /// <summary>The <c>tool</c> of a manifest: "dataip" and this assembly's version.</summary>
    public static string Tool { get; } = "dataip " + (typeof(FingerprintFiles).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    /// <summary>Reads a text file; null and a message when it cannot be read.</summary>
    public static string? TryReadText(string path, string what, out string error)
    {
        try
        {
            error = string.Empty;
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            error = $"couldn't read the {what} {path}: {exception.Message}";
            return null;
        }
    }

    /// <summary>Reads and parses a manifest; null and a message when it cannot be used.</summary>
    public static FingerprintManifest? TryReadManifest(string path, out string error, out bool unreadable)
    {
        var text = TryReadText(path, "manifest", out error);
        unreadable = text is null;
        if (text is null)
        {
            return null;
        }

        var read = FingerprintJson.ReadManifest(text);
        error = read.IsSuccess ? string.Empty : $"{path} is not a usable fingerprint manifest: {read.Field} {read.Message}";
        return read.Value;
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, or to <paramref name="output"/> when the path is null.</summary>
    public static bool TryWrite(string? path, string text, TextWriter output, out string error)
    {
        error = string.Empty;
        if (path is null)
        {
            output.Write(text);
            return true;
        }

        try
        {
            File.WriteAllText(path, text);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            error = $"couldn't write {path}: {exception.Message}";
            return false;
        }
    }

    /// <summary>The exit code of a fingerprint error: a path that cannot be read is a usage error;
    /// anything wrong with what was read (encoding, rows, changed data) is a refused input.</summary>
    public static int ExitCodeOf(FingerprintException exception) => exception.Kind switch
    {
        FingerprintErrorKind.Unreadable => ExitCodes.UsageError,
        _ => ExitCodes.Invalid,
    };
}
