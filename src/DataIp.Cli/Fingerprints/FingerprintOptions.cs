using System.CommandLine;
using DataIp.Domain.Fingerprinting;

namespace DataIp.Cli.Fingerprints;

/// <summary>Options shared by the fingerprint commands.</summary>
internal static class FingerprintOptions
{
    /// <summary><c>--hash sha256|sm3</c>, default sha256.</summary>
    public static Option<string> Hash()
    {
        var hash = new Option<string>("--hash")
        {
            Description = "The hash function: sha256 (FIPS 180-4) or sm3 (GB/T 32905).",
            HelpName = "sha256|sm3",
            DefaultValueFactory = _ => "sha256",
        };
        hash.AcceptOnlyFromAmong("sha256", "sm3");
        return hash;
    }

    /// <summary><c>--threads N</c>: 0 (the default) for the processor count.</summary>
    public static Option<int> Threads()
    {
        var threads = new Option<int>("--threads")
        {
            Description = "Chunks hashed at once (default: the number of processors); the root does not depend on it.",
            HelpName = "n",
        };
        threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--threads must not be negative.");
            }
        });
        return threads;
    }

    /// <summary>Reads a --delimiter value: one character, or "tab"; null gives ','.</summary>
    public static bool TryParseDelimiter(string? text, out char delimiter)
    {
        delimiter = text switch
        {
            null => ',',
            "tab" or "\\t" => '\t',
            { Length: 1 } => text[0],
            _ => '\0',
        };
        return delimiter != '\0' && FingerprintJson.IsValidDelimiter(delimiter);
    }
}
