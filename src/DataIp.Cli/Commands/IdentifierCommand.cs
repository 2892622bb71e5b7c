using System.Buffers;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DataIp.Domain.Numbering;

namespace DataIp.Cli.Commands;

/// <summary>
/// <c>dataip identifier check VALUE [--kind KIND] [--json]</c> (DOMAIN §7): checks an identifier
/// offline with the domain's own parsers and prints its decoded fields on stdout (exit 0), or says
/// on stderr what is wrong (exit 1, nothing on stdout). A usage error exits 2 (<see cref="Program.Run"/>).
/// </summary>
internal static class IdentifierCommand
{
    /// <summary>The <c>--kind</c> value that detects the kind from the value's shape (<see cref="Detect"/>).</summary>
    public const string Auto = "auto";

    private const string KindDescription =
        "auto (the default), registration, certificate, application, credit-code or resident-id. "
        + "auto goes by the value's shape: 16 characters starting with SQ are an application number, "
        + "other 16 characters a registration number, 17 characters a certificate number; 18 "
        + "characters are a resident ID number if they pass the resident ID check, otherwise a "
        + "unified social credit code.";

    private const string LengthsByKind =
        "application and registration numbers have 16, certificate numbers 17, and unified social "
        + "credit codes and resident ID numbers 18.";

    /// <summary>Builds <c>identifier</c> with its <c>check</c> subcommand.</summary>
    public static Command Build()
    {
        var value = new Argument<string>("value")
        {
            Description = "The identifier exactly as written: spaces are not trimmed, letters are not upper-cased.",
        };
        var kind = new Option<string>("--kind")
        {
            Description = KindDescription,
            HelpName = "kind",
            DefaultValueFactory = _ => Auto,
        };
        kind.AcceptOnlyFromAmong([Auto, .. IdentifierKind.All.Select(k => k.Name)]);
        var json = new Option<bool>("--json") { Description = "Print the decoded fields as camelCase JSON." };

        var check = new Command("check", "Check an identifier offline and print its decoded fields.") { value, kind, json };
        check.SetAction(parseResult => Run(
            parseResult.GetValue(value) ?? string.Empty,
            parseResult.GetValue(kind) ?? Auto,
            parseResult.GetValue(json),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));

        return new Command("identifier", "Registration, certificate and application numbers; credit codes; resident ID numbers.")
        {
            check,
        };
    }

    /// <summary>Checks <paramref name="value"/> and reports the outcome.</summary>
    /// <param name="value">The identifier as typed.</param>
    /// <param name="kind"><see cref="Auto"/> or an <see cref="IdentifierKind.Name"/>.</param>
    /// <param name="json">Whether to print the fields as JSON rather than as labelled lines.</param>
    /// <param name="output">Receives the decoded fields, and nothing else.</param>
    /// <param name="error">Receives what is wrong.</param>
    /// <returns><see cref="ExitCodes.Success"/> or <see cref="ExitCodes.Invalid"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not a kind (a caller bug).</exception>
    public static int Run(string value, string kind, bool json, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var detected = kind == Auto;
        var candidates = detected ? Detect(value) : [IdentifierKind.Named(kind)];
        if (candidates.Count == 0)
        {
            error.WriteLine(UndetectedMessage(value));
            return ExitCodes.Invalid;
        }

        var problems = new List<(IdentifierKind Kind, string Error)>();
        foreach (var candidate in candidates)
        {
            if (candidate.TryDecode(value, out var fields, out var problem))
            {
                output.Write(json ? Json(candidate, value, fields) : Text(candidate, value, fields));
                return ExitCodes.Success;
            }

            problems.Add((candidate, problem));
        }

        error.Write(ProblemsMessage(value, problems, detected));
        return ExitCodes.Invalid;
    }

    /// <summary>
    /// The kinds <paramref name="value"/> may be by its shape, to be tried in order; empty when its
    /// length fits none. "SQ" is matched in any case so that "sq…" gets the application number's
    /// own upper-case message. Any 17 characters are a certificate number, the only 17-character
    /// kind, so that a stray letter is reported where it is. 18 characters that could be a resident
    /// ID number (17 digits, then a digit or X) are tried as one and then as a credit code.
    /// </summary>
    internal static IReadOnlyList<IdentifierKind> Detect(string value) => value.Length switch
    {
        ApplicationNumber.Length when value.StartsWith(ApplicationNumber.Prefix, StringComparison.OrdinalIgnoreCase) =>
            [IdentifierKind.Application],
        RegistrationNumber.Length => [IdentifierKind.Registration],
        CertificateNumber.Length => [IdentifierKind.Certificate],
        ResidentIdNumber.Length when HasResidentIdShape(value) => [IdentifierKind.ResidentId, IdentifierKind.CreditCode],
        UnifiedSocialCreditCode.Length => [IdentifierKind.CreditCode],
        _ => [],
    };

    private static bool HasResidentIdShape(string value) =>
        value.AsSpan(0, ResidentIdNumber.Length - 1).IndexOfAnyExceptInRange('0', '9') < 0
        && value[^1] is (>= '0' and <= '9') or 'X' or 'x';

    private static string Text(IdentifierKind kind, string value, IReadOnlyList<Field> fields)
    {
        (string Label, string Text)[] lines = [("kind", kind.Noun), ("value", value), .. fields.Select(f => (f.Label, f.Text))];
        var width = lines.Max(line => line.Label.Length) + 2;
        var text = new StringBuilder();
        foreach (var (label, content) in lines)
        {
            text.Append((label + ":").PadRight(width)).Append(content).Append('\n');
        }

        return text.ToString();
    }

    private static string Json(IdentifierKind kind, string value, IReadOnlyList<Field> fields)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", kind.Name);
            writer.WriteString("value", value);
            foreach (var field in fields)
            {
                writer.WritePropertyName(field.Name);
                WriteJsonValue(writer, field.Value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteJsonValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteStringValue(text);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case CodeName code:
                writer.WriteStartObject();
                writer.WriteNumber("code", code.Code);
                writer.WriteString("name", code.Name);
                writer.WriteEndObject();
                break;
            default:
                throw new UnreachableException($"A field value of type {value.GetType()} has no JSON form.");
        }
    }

    private static string UndetectedMessage(string value) => string.Create(
        CultureInfo.InvariantCulture,
        $"Cannot tell what kind of identifier '{value}' is: it has {value.Length} characters, but {LengthsByKind} "
        + $"To check it as one kind, use --kind ({KindNames()}).");

    private static string ProblemsMessage(string value, List<(IdentifierKind Kind, string Error)> problems, bool detected)
    {
        var message = new StringBuilder();
        if (problems.Count == 1)
        {
            message.Append(CultureInfo.InvariantCulture, $"'{value}' is not a valid {problems[0].Kind.Noun}: {problems[0].Error}\n");
        }
        else
        {
            var kinds = string.Join(" nor ", problems.Select(p => "a valid " + p.Kind.Noun));
            message.Append(CultureInfo.InvariantCulture, $"'{value}' is neither {kinds}.\n");
            foreach (var (kind, problem) in problems)
            {
                message.Append(CultureInfo.InvariantCulture, $"  As a {kind.Noun}: {problem}\n");
            }
        }

        if (detected)
        {
            message.Append(CultureInfo.InvariantCulture, $"The kind was detected from the value's shape; to check it as another kind, use --kind ({KindNames()}).\n");
        }

        return message.ToString();
    }

    private static string KindNames() => string.Join(", ", IdentifierKind.All.Select(kind => kind.Name));
}
