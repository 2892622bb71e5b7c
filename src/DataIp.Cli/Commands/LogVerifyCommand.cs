using System.CommandLine;
using System.Globalization;
using System.Net;
using DataIp.Cli.Log;
using DataIp.Crypto;

namespace DataIp.Cli.Commands;

/// <summary>What <c>dataip log verify</c> was asked to do.</summary>
/// <param name="Server">The server's base URL as typed.</param>
/// <param name="StatePath">The state file, or null for none.</param>
/// <param name="KeysPath">A file of verifier keys to trust instead of the published ones, or null.</param>
/// <param name="Timeout">How long each request may take.</param>
internal sealed record LogVerifyOptions(string Server, string? StatePath, string? KeysPath, TimeSpan Timeout);

/// <summary>
/// <c>dataip log verify --server URL [--state FILE] [--keys FILE] [--timeout SECONDS]</c> (M2 scope
/// item 6): reads the log through its tiles API and verifies it end to end (<see cref="LogVerifier"/>),
/// then saves the verified checkpoint to the state file for the next run. Progress and "OK" on
/// stdout, one finding per line on stderr; exit 0 verified, 1 something wrong with the log,
/// 2 usage (including an unusable --keys or --state file), 3 the server could not be read.
/// </summary>
internal static class LogVerifyCommand
{
    /// <summary>The default of <c>--timeout</c>, in seconds.</summary>
    public const int DefaultTimeoutSeconds = 30;

    /// <summary>Builds <c>log</c> with its <c>verify</c> subcommand.</summary>
    public static Command Build()
    {
        var server = new Option<string>("--server")
        {
            Description = "The registry's base URL, e.g. https://registry.example; the log is read under {server}/log/.",
            HelpName = "url",
            Required = true,
        };
        var state = new Option<string?>("--state")
        {
            Description = "Remember the verified checkpoint and keys in this file, and check the next checkpoint against it.",
            HelpName = "file",
        };
        var keys = new Option<string?>("--keys")
        {
            Description = "Trust the verifier keys in this file (one per line) instead of those the log publishes; "
                + "also how a key change is accepted.",
            HelpName = "file",
        };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds each request may take, body included.",
            HelpName = "seconds",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() <= 0)
            {
                result.AddError("--timeout must be a positive number of seconds.");
            }
        });

        var verify = new Command("verify", "Read the whole log through its tiles API and verify it.") { server, state, keys, timeout };
        verify.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new LogVerifyOptions(
                parseResult.GetValue(server) ?? string.Empty,
                parseResult.GetValue(state),
                parseResult.GetValue(keys),
                TimeSpan.FromSeconds(parseResult.GetValue(timeout)));
            using var handler = CreateHandler(options.Timeout);
            var configuration = parseResult.InvocationConfiguration;
            return await RunAsync(options, handler, TimeProvider.System, configuration.Output, configuration.Error, cancellationToken);
        });

        return new Command("log", "The transparency log of the register's acts.") { verify };
    }

    /// <summary>Verifies the log and reports; see the class summary.</summary>
    /// <param name="options">What to verify.</param>
    /// <param name="handler">Sends the HTTP requests (a real one, or a test's); not disposed.</param>
    /// <param name="time">The clock for the state file's <c>checkedAt</c>.</param>
    /// <param name="output">Receives the progress and the result.</param>
    /// <param name="error">Receives the findings and failures, one per line.</param>
    /// <param name="cancellationToken">Cancels the run (Ctrl+C).</param>
    /// <returns>An <see cref="ExitCodes"/> value.</returns>
    public static async Task<int> RunAsync(
        LogVerifyOptions options, HttpMessageHandler handler, TimeProvider time, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        if (!TileClient.TryGetLogUri(options.Server, out _, out var serverError))
        {
            return Usage(error, $"--server: {serverError}");
        }

        LogVerifierKeys? pinned = null;
        if (options.KeysPath is not null && !TryReadKeys(options.KeysPath, out pinned, out var keysError))
        {
            return Usage(error, $"--keys: {keysError}");
        }

        SavedLogState? previous = null;
        if (options.StatePath is not null && !StateFile.TryRead(options.StatePath, out previous, out var stateError))
        {
            return Usage(error, $"--state: {stateError}");
        }

        using var http = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("dataip-log-verify/1");
        output.WriteLine($"{"server:",-13}{options.Server}");
        var result = await new LogVerifier(new TileClient(http, options.Server, options.Timeout), output).VerifyAsync(pinned, previous, cancellationToken);
        return Report(result, options.StatePath, time, output, error);
    }

    /// <summary>A handler for real servers: gzip, deflate and brotli accepted (tlog-tiles asks clients
    /// to accept gzip for entry bundles), connections given up after <paramref name="timeout"/>.</summary>
    /// <param name="timeout">The connect timeout.</param>
    /// <returns>A new handler the caller disposes.</returns>
    public static HttpMessageHandler CreateHandler(TimeSpan timeout) =>
        new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, ConnectTimeout = timeout };

    private static int Report(LogVerification result, string? statePath, TimeProvider time, TextWriter output, TextWriter error)
    {
        foreach (var finding in result.Findings)
        {
            error.WriteLine(finding.ToString());
        }

        if (result.ReadFailure is not null)
        {
            error.WriteLine(result.ReadFailure);
        }

        if (!result.IsVerified)
        {
            if (statePath is not null)
            {
                output.WriteLine($"{"state:",-13}{statePath} left as it was");
            }

            output.WriteLine(result.Findings.Count > 0
                ? string.Create(CultureInfo.InvariantCulture, $"FAILED: {result.Findings.Count} problem(s), listed on stderr")
                : "INCOMPLETE: the log could not be read to the end (see stderr)");
            return result.Findings.Count > 0 ? ExitCodes.Invalid : ExitCodes.Unreachable;
        }

        if (statePath is not null)
        {
            try
            {
                StateFile.Write(statePath, result.ToState(time.GetUtcNow()));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return Usage(error, $"--state: the log verified, but couldn't save {statePath}: {exception.Message}");
            }

            output.WriteLine($"{"state:",-13}saved to {statePath}");
        }

        output.WriteLine("OK");
        return ExitCodes.Success;
    }

    private static bool TryReadKeys(string path, out LogVerifierKeys? keys, out string? error)
    {
        keys = null;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error = $"couldn't read {path}: {exception.Message}";
            return false;
        }

        if (!LogVerifierKeys.TryParse(text, LogVerifierKeys.DataIpAlgorithms, out keys, out var keysError))
        {
            error = $"{path}: {keysError}";
            return false;
        }

        error = null;
        return true;
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine(message);
        return ExitCodes.UsageError;
    }
}
