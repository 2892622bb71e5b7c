using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace DataIp.Cli.Commands;

/// <summary>What <c>dataip import certificates</c> was asked to do.</summary>
/// <param name="File">The CSV file (docs/import.md).</param>
/// <param name="Body">The pilot body's code, e.g. 3300.</param>
/// <param name="Server">The registry's base URL.</param>
/// <param name="Token">The administrator's bearer token.</param>
/// <param name="DryRun">Check only.</param>
/// <param name="SkipErrors">Import the good rows of a file with bad ones.</param>
/// <param name="Timeout">How long the request may take.</param>
internal sealed record ImportOptions(string File, string Body, string Server, string Token, bool DryRun, bool SkipErrors, TimeSpan Timeout);

/// <summary>
/// <c>dataip import certificates FILE --body CODE --server URL [--dry-run] [--skip-errors]</c>:
/// sends a pilot body's CSV file to <c>POST /api/v1/bodies/{code}/imports</c> with the
/// administrator's token (<c>DATAIP_TOKEN</c>, or <c>--token-file</c>), prints what was imported (or
/// would be) on stdout and each refused row on stderr as <c>line N, column: reason</c>. Exit 0 when
/// every row is imported or was already; 1 when a row or the file was refused (nothing imported,
/// unless --skip-errors imported the good rows); 2 for a usage problem (no file, no token, a token or
/// body the server refuses); 3 when the server cannot be reached or fails.
/// </summary>
internal static class ImportCommand
{
    /// <summary>The environment variable holding the bearer token.</summary>
    public const string TokenVariable = "DATAIP_TOKEN";

    /// <summary>Builds <c>import</c> with its one subcommand, <c>certificates</c>.</summary>
    public static Command Build()
    {
        var file = new Argument<string>("file") { Description = "The CSV file: UTF-8, one pilot-era certificate per row (docs/import.md)." };
        var body = new Option<string>("--body") { Description = "The pilot registration body's code, e.g. 3300.", Required = true, HelpName = "code" };
        var server = new Option<string>("--server") { Description = "The registry's base URL.", Required = true, HelpName = "url" };
        var tokenFile = new Option<string?>("--token-file") { Description = $"A file holding the administrator's bearer token; by default ${TokenVariable}.", HelpName = "file" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report; import nothing." };
        var skipErrors = new Option<bool>("--skip-errors") { Description = "Import the good rows of a file with bad ones (the bad ones are reported)." };
        var certificates = new Command("certificates", "Import a pilot body's pilot-era certificates from a CSV file.") { file, body, server, tokenFile, dryRun, skipErrors };
        certificates.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var token = ReadToken(parseResult.GetValue(tokenFile), out var problem);
            if (token is null)
            {
                await error.WriteLineAsync(problem);
                return ExitCodes.UsageError;
            }

            var options = new ImportOptions(parseResult.GetValue(file)!, parseResult.GetValue(body)!, parseResult.GetValue(server)!, token,
                parseResult.GetValue(dryRun), parseResult.GetValue(skipErrors), TimeSpan.FromMinutes(10));
            using var handler = LogVerifyCommand.CreateHandler(options.Timeout);
            return await RunAsync(options, handler, parseResult.InvocationConfiguration.Output, error, cancellationToken);
        });
        return new Command("import", "Bring records from elsewhere onto the register.") { certificates };
    }

    /// <summary>Sends the file and reports; see the class summary.</summary>
    public static async Task<int> RunAsync(ImportOptions options, HttpMessageHandler handler, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(options.File, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"couldn't read {options.File}: {exception.Message}");
            return ExitCodes.UsageError;
        }

        if (!Uri.TryCreate(options.Server.TrimEnd('/') + "/", UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
        {
            await error.WriteLineAsync($"--server {options.Server} is not an http(s) URL");
            return ExitCodes.UsageError;
        }

        var query = $"batch={Uri.EscapeDataString(Path.GetFileName(options.File))}{(options.DryRun ? "&dryRun=true" : "")}{(options.SkipErrors ? "&skipErrors=true" : "")}";
        using var client = new HttpClient(handler, disposeHandler: false) { Timeout = options.Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, $"api/v1/bodies/{Uri.EscapeDataString(options.Body)}/imports?{query}"))
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" } } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        HttpResponseMessage response;
        JsonElement answer;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            answer = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            await error.WriteLineAsync($"couldn't import through {server}: {exception.Message}");
            return ExitCodes.Unreachable;
        }

        using (response)
        {
            return await ReportAsync(response.StatusCode, answer, options, output, error);
        }
    }

    private static async Task<int> ReportAsync(HttpStatusCode status, JsonElement answer, ImportOptions options, TextWriter output, TextWriter error)
    {
        switch (status)
        {
            case HttpStatusCode.OK:
                await WriteReportAsync(answer, output, error);
                return answer.GetProperty("errorCount").GetInt32() > 0 ? ExitCodes.Invalid : ExitCodes.Success;
            case HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity or HttpStatusCode.UnsupportedMediaType:
                await WriteProblemsAsync(answer, error);
                await output.WriteLineAsync("nothing imported");
                return ExitCodes.Invalid;
            case HttpStatusCode.Unauthorized:
                await error.WriteLineAsync("the server refused the token: sign in again (POST /api/v1/auth/token) and set " + TokenVariable);
                return ExitCodes.UsageError;
            case HttpStatusCode.Forbidden or HttpStatusCode.NotFound:
                await error.WriteLineAsync($"body {options.Body}: {Detail(answer) ?? status.ToString()}");
                return ExitCodes.UsageError;
            default:
                await error.WriteLineAsync($"the server answered {(int)status}: {Detail(answer)}");
                return ExitCodes.Unreachable;
        }
    }

    private static async Task WriteReportAsync(JsonElement report, TextWriter output, TextWriter error)
    {
        var dry = report.GetProperty("dryRun").GetBoolean();
        foreach (var row in report.GetProperty("imported").EnumerateArray())
        {
            await output.WriteLineAsync(dry
                ? $"line {Line(row)}: {row.GetProperty("pilotNumber").GetString()} would be imported"
                : $"line {Line(row)}: {row.GetProperty("pilotNumber").GetString()} imported as registration {row.GetProperty("registrationNumber").GetString()}, certificate {row.GetProperty("certificateNumber").GetString()}");
        }

        foreach (var row in report.GetProperty("alreadyImported").EnumerateArray())
        {
            await output.WriteLineAsync($"line {Line(row)}: {row.GetProperty("pilotNumber").GetString()} already imported (certificate {row.GetProperty("certificateNumber").GetString()})");
        }

        foreach (var problem in report.GetProperty("errors").EnumerateArray())
        {
            await error.WriteLineAsync(Problem(problem));
        }

        var imported = report.GetProperty("importedCount").GetInt32();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{(dry ? "dry run: would import" : "imported")} {imported}, already imported {report.GetProperty("alreadyImportedCount").GetInt32()}, refused rows {report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()).Distinct().Count()} of {report.GetProperty("rows").GetInt32()}"));
    }

    private static async Task WriteProblemsAsync(JsonElement problem, TextWriter error)
    {
        if (problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("problems", out var problems))
        {
            foreach (var item in problems.EnumerateArray())
            {
                await error.WriteLineAsync(Problem(item));
            }
        }
        else
        {
            await error.WriteLineAsync(Detail(problem) ?? "the server refused the file");
        }
    }

    private static string Problem(JsonElement item)
    {
        var line = item.GetProperty("line").GetInt32();
        var column = item.TryGetProperty("column", out var c) && c.ValueKind == JsonValueKind.String ? ", " + c.GetString() : "";
        var where = line == 0 ? "file" : string.Create(CultureInfo.InvariantCulture, $"line {line}");
        return $"{where}{column}: {item.GetProperty("message").GetString()}";
    }

    private static int Line(JsonElement row) => row.GetProperty("line").GetInt32();

    private static string? Detail(JsonElement answer) =>
        answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("detail", out var detail) ? detail.GetString() : null;

    // The token from the file named, else from the environment; never from the command line, which other users of the machine can read.
    private static string? ReadToken(string? file, out string problem)
    {
        problem = "";
        try
        {
            var token = file is not null ? File.ReadAllText(file).Trim() : Environment.GetEnvironmentVariable(TokenVariable)?.Trim();
            if (string.IsNullOrEmpty(token))
            {
                problem = $"no token: set {TokenVariable} to an administrator's bearer token (POST /api/v1/auth/token), or give --token-file";
                return null;
            }

            return token;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = $"couldn't read --token-file {file}: {exception.Message}";
            return null;
        }
    }
}
