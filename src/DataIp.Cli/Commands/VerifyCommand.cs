using System.CommandLine;
using DataIp.Cli.Log;
using DataIp.Cli.Verify;
using DataIp.Crypto;
using DataIp.Crypto.Credentials;

namespace DataIp.Cli.Commands;

/// <summary>What <c>dataip verify</c> was asked to do.</summary>
/// <param name="File">The credential envelope, bare credential or certificate PDF.</param>
/// <param name="Keys">The registry's DID document: a file or an http(s) URL; null to fetch it from <paramref name="Online"/>.</param>
/// <param name="Online">The registry's base URL for a fresh tlog-proof and the current status; null to stay offline.</param>
/// <param name="Timeout">How long each request may take.</param>
internal sealed record VerifyOptions(string File, string? Keys, string? Online, TimeSpan Timeout);

/// <summary>
/// <c>dataip verify FILE [--keys URL_OR_FILE] [--online URL]</c>: checks a registration
/// certificate's signed credential (docs/credential.md) in order, one line each: (1) its proofs,
/// (2) a log inclusion proof is present, (3) that proof is about this certificate's issuance act,
/// (4) the act is in the registry's log, (5) with --online, the registry's current status. The
/// first failed check decides: exit 0 all passed, 1 a check failed, 2 usage or an unusable file,
/// 3 a URL could not be fetched. Passed checks on stdout, the failure on stderr.
/// </summary>
internal static class VerifyCommand
{
    /// <summary>Builds <c>verify</c>.</summary>
    public static Command Build()
    {
        var file = new Argument<string>("file") { Description = "The certificate PDF, its credential envelope JSON or a bare credential JSON." };
        var keys = new Option<string?>("--keys")
        {
            Description = "The registry's DID document (file or http(s) URL); by default {online}/.well-known/did.json.",
            HelpName = "url-or-file",
        };
        var online = new Option<string?>("--online")
        {
            Description = "The registry's base URL: fetch a fresh log inclusion proof if needed and check the certificate's current status.",
            HelpName = "url",
        };
        var command = new Command("verify", "Verify a registration certificate's signed credential and its log inclusion.") { file, keys, online };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new VerifyOptions(
                parseResult.GetValue(file)!,
                parseResult.GetValue(keys),
                parseResult.GetValue(online),
                TimeSpan.FromSeconds(LogVerifyCommand.DefaultTimeoutSeconds));
            using var handler = LogVerifyCommand.CreateHandler(options.Timeout);
            var configuration = parseResult.InvocationConfiguration;
            return await RunAsync(options, handler, configuration.Output, configuration.Error, cancellationToken);
        });
        return command;
    }

    /// <summary>Runs the checks; see the class summary.</summary>
    /// <param name="options">What to verify.</param>
    /// <param name="handler">Sends the HTTP requests (a real one, or a test's); not disposed.</param>
    /// <param name="output">Receives the passed checks and the result.</param>
    /// <param name="error">Receives the failed check or why the command could not run.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>An <see cref="ExitCodes"/> value.</returns>
    public static async Task<int> RunAsync(VerifyOptions options, HttpMessageHandler handler, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        using var http = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("dataip-verify/1");
        var run = new Run(options, new RegistryClient(http, options.Timeout), output, error);
        try
        {
            return await run.ExecuteAsync(cancellationToken);
        }
        catch (LogReadException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.Unreachable;
        }
    }

    // One run: the arguments, then the five checks in order; the first failure returns.
    private sealed class Run(VerifyOptions options, RegistryClient client, TextWriter output, TextWriter error)
    {
        private Uri? _online;

        public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
        {
            if (options.Online is not null && (_online = RegistryClient.TryGetBase(options.Online)) is null)
            {
                return Usage($"--online: '{options.Online}' is not an http or https URL such as https://registry.example");
            }

            if (options.Keys is null && _online is null)
            {
                return Usage("Give --keys (the registry's DID document, a file or URL) or --online (the registry's URL) to know the registry's keys.");
            }

            var bytes = InputFile.TryRead(options.File, out var readError);
            var input = bytes is null ? null : CertificateInput.TryRead(bytes, out readError);
            if (input is null)
            {
                return Usage($"{options.File}: {readError}");
            }

            var keys = await ReadKeysAsync(cancellationToken);
            if (keys is null)
            {
                return ExitCodes.UsageError;
            }

            var certificateNumber = CertificateVerification.CertificateNumber(input.Credential);
            if (Report("signature", CertificateChecks.Signatures(input.Credential, keys)) is { } failed)
            {
                return failed;
            }

            var proofText = input.TlogProof ?? await FetchTlogProofAsync(certificateNumber, cancellationToken);
            if (proofText is null)
            {
                return Fail("log proof", "no log inclusion proof: the file carries none" + (_online is null ? "; give --online to fetch one" : " and the registry has none yet"));
            }

            if (!TlogProof.TryParse(proofText, out var proof, out var proofError))
            {
                return Fail("log proof", $"the log inclusion proof is malformed: {proofError}");
            }

            Report("log proof", CheckResult.Pass(input.TlogProof is null ? "fetched from the registry" : "present"));
            var act = CertificateVerification.ReadIssuanceAct(input.Credential);
            if (Report("issuance act", CertificateChecks.Entry(proof, act, certificateNumber)) is { } entryFailed)
            {
                return entryFailed;
            }

            if (Report("log inclusion", CertificateChecks.Inclusion(proof, act!, keys)) is { } inclusionFailed)
            {
                return inclusionFailed;
            }

            if (_online is not null && await CheckStatusAsync(certificateNumber!, cancellationToken) is { } statusFailed)
            {
                return statusFailed;
            }

            output.WriteLine($"OK: certificate {certificateNumber} verifies" + (_online is null ? " (offline: its current status was not checked)" : string.Empty));
            return ExitCodes.Success;
        }

        private async Task<IssuerVerifierKeys?> ReadKeysAsync(CancellationToken cancellationToken)
        {
            var source = options.Keys ?? new Uri(_online!, ".well-known/did.json").ToString();
            byte[]? json;
            string? readError;
            if (RegistryClient.TryGetBase(source) is not null)
            {
                json = await client.GetAsync(new Uri(source), cancellationToken);
                readError = json is null ? $"couldn't fetch {source}: the server answered 404 Not Found" : null;
            }
            else
            {
                json = InputFile.TryRead(source, out readError);
            }

            if (json is null)
            {
                error.WriteLine($"--keys: {readError}");
                return null;
            }

            if (!IssuerVerifierKeys.TryReadDidDocument(json, out var keys, out var keysError))
            {
                error.WriteLine($"--keys: {source}: {keysError}");
                return null;
            }

            return keys;
        }

        private async Task<string?> FetchTlogProofAsync(string? certificateNumber, CancellationToken cancellationToken)
        {
            if (_online is null || certificateNumber is null)
            {
                return null;
            }

            var url = new Uri(_online, $"api/v1/certificates/{Uri.EscapeDataString(certificateNumber)}/credential");
            var json = await client.GetAsync(url, cancellationToken);
            return json is null ? null
                : CertificateInput.TryReadJson(json, url.ToString(), out var envelopeError)?.TlogProof
                ?? throw new LogReadException($"couldn't read {url}: {envelopeError ?? "the envelope has no tlogProof"}");
        }

        private async Task<int?> CheckStatusAsync(string certificateNumber, CancellationToken cancellationToken)
        {
            var url = new Uri(_online!, $"api/v1/certificates/{Uri.EscapeDataString(certificateNumber)}/status");
            var status = CertificateChecks.Status(await client.GetAsync(url, cancellationToken), certificateNumber)
                ?? throw new LogReadException($"couldn't read {url}: the answer is not a certificate status (JSON with \"status\")");
            return Report("status", status);
        }

        private int? Report(string check, CertificateCheck result) => Report(check, CheckResult.From(result));

        // Prints the check; the exit code when it failed, null when it passed.
        private int? Report(string check, CheckResult result)
        {
            if (!result.Passed)
            {
                return Fail(check, result.Message);
            }

            output.WriteLine($"✓ {check}: {result.Message}");
            return null;
        }

        private int Fail(string check, string message)
        {
            error.WriteLine($"✗ {check}: {message}");
            return ExitCodes.Invalid;
        }

        private int Usage(string message)
        {
            error.WriteLine(message);
            return ExitCodes.UsageError;
        }
    }
}
