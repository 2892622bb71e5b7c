using System.CommandLine;
using System.Globalization;
using DataIp.Cli.Fingerprints;
using DataIp.Domain.Fingerprinting;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Cli.Commands;

/// <summary>
/// <c>dataip check-proof proof.json (--manifest M | --root HEX)</c> (M3 item 3): verifies a proof
/// offline against the root of a manifest or a root given in hex (docs/fingerprint-format.md §6).
/// "OK …" on stdout and exit 0 when valid; the reason on stderr and exit 1 when not (an altered
/// row, chunk, index or sibling, a proof for another root, a malformed proof); 2 usage.
/// </summary>
internal static class CheckProofCommand
{
    /// <summary>Builds <c>check-proof</c>.</summary>
    public static Command Build()
    {
        var proof = new Argument<string>("proof") { Description = "The proof file, as written by dataip prove." };
        var manifest = new Option<string?>("--manifest") { Description = "Check against this manifest's root (and its hash and mode).", HelpName = "file" };
        var root = new Option<string?>("--root") { Description = "Check against this root: 64 hexadecimal digits, e.g. from the register.", HelpName = "hex" };
        var command = new Command("check-proof", "Verify a fingerprint proof offline.") { proof, manifest, root };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(manifest) is null) == (result.GetValue(root) is null))
            {
                result.AddError("Give exactly one of --manifest and --root: the root the proof must lead to.");
            }
        });
        command.SetAction(parseResult => Run(
            parseResult.GetValue(proof)!,
            parseResult.GetValue(manifest),
            parseResult.GetValue(root),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Checks the proof; see the class summary.</summary>
    /// <param name="proofPath">The proof file.</param>
    /// <param name="manifestPath">The manifest, or null.</param>
    /// <param name="rootHex">The root in hex, or null.</param>
    /// <param name="output">Receives "OK …".</param>
    /// <param name="error">Receives the reason for a refusal.</param>
    /// <returns>An <see cref="ExitCodes"/> value.</returns>
    public static int Run(string proofPath, string? manifestPath, string? rootHex, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryGetRoot(manifestPath, rootHex, error, out var expected, out var manifest, out var code))
        {
            return code;
        }

        var text = FingerprintFiles.TryReadText(proofPath, "proof", out var readError);
        if (text is null)
        {
            error.WriteLine(readError);
            return ExitCodes.UsageError;
        }

        var read = FingerprintJson.ReadProof(text);
        if (!read.IsSuccess)
        {
            error.WriteLine($"INVALID: {proofPath} is not a usable proof: {read.Field} {read.Message}");
            return ExitCodes.Invalid;
        }

        var proof = read.Value!;
        if (manifest is not null && (manifest.HashAlgorithm != proof.HashAlgorithm || manifest.Mode != proof.Mode))
        {
            error.WriteLine($"INVALID: the proof is a {FingerprintNames.Of(proof.HashAlgorithm)} {FingerprintNames.Of(proof.Mode)} proof; the manifest is {FingerprintNames.Of(manifest.HashAlgorithm)} {FingerprintNames.Of(manifest.Mode)}.");
            return ExitCodes.Invalid;
        }

        var check = FingerprintProofChecker.Check(proof, expected);
        if (!check.IsValid)
        {
            error.WriteLine($"INVALID: {check.Message}");
            return ExitCodes.Invalid;
        }

        output.WriteLine($"OK: {Describe(proof)} is part of the dataset with {FingerprintNames.Of(proof.HashAlgorithm)} root {expected}");
        return ExitCodes.Success;
    }

    private static bool TryGetRoot(string? manifestPath, string? rootHex, TextWriter error, out Hash root, out FingerprintManifest? manifest, out int code)
    {
        root = default;
        manifest = null;
        code = ExitCodes.Success;
        if (rootHex is not null)
        {
            if (Hash.TryFromHex(rootHex, out root))
            {
                return true;
            }

            error.WriteLine($"--root must be 64 hexadecimal digits; got \"{rootHex}\".");
            code = ExitCodes.UsageError;
            return false;
        }

        manifest = FingerprintFiles.TryReadManifest(manifestPath!, out var manifestError, out var unreadable);
        if (manifest is null)
        {
            error.WriteLine($"--manifest: {manifestError}");
            code = unreadable ? ExitCodes.UsageError : ExitCodes.Invalid;
            return false;
        }

        root = manifest.Root;
        return true;
    }

    private static string Describe(FingerprintProof proof) => proof.Kind switch
    {
        FingerprintProofKind.Row => string.Create(CultureInfo.InvariantCulture, $"row {proof.Row!.Number}"),
        FingerprintProofKind.Chunk => string.Create(CultureInfo.InvariantCulture, $"chunk {proof.Chunk!.Index} of file \"{proof.File!.Path}\""),
        _ => $"file \"{proof.File!.Path}\"",
    };
}
