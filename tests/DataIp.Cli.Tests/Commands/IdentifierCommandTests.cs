using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using DataIp.Cli.Commands;
using DataIp.Domain.Numbering;
using DataIp.Domain.Registration;

namespace DataIp.Cli.Tests.Commands;

public sealed class IdentifierCommandTests
{
    // Valid values made by the domain, so the CLI is checked against the domain's own numbering.
    private static readonly string Registration = RegistrationNumber.Create(2025, DataSourceType.Purchased, RegistrantType.NaturalPerson, 123).Value;
    private static readonly string Certificate = CertificateNumber.Create(2025, 9, "4400", 123).Value;
    private static readonly string Application = ApplicationNumber.Create("4400", 2025, 123).Value;
    private static readonly string CreditCode = "91350100M000100Y4" + UnifiedSocialCreditCode.ComputeCheckCharacter("91350100M000100Y4");
    private static readonly string ResidentId = "11010519491231002" + Iso7064Mod11_2.ComputeCheckCharacter("11010519491231002"); // GB 11643-1999 example

    [Theory]
    [InlineData("registration", "registration number")]
    [InlineData("certificate", "certificate number")]
    [InlineData("application", "application number")]
    [InlineData("credit-code", "unified social credit code")]
    [InlineData("resident-id", "resident ID number")]
    public void Run_ValidValueOfEachKind_PrintsItsFieldsAndExitsZero(string kind, string noun)
    {
        var value = ValidValue(kind);

        var named = Check(value, kind);
        var detected = Check(value, IdentifierCommand.Auto);

        Assert.Equal((0, string.Empty), (named.ExitCode, named.Error));
        Assert.StartsWith("kind:", named.Output, StringComparison.Ordinal);
        Assert.Contains($" {noun}\n", named.Output, StringComparison.Ordinal);
        Assert.Contains($" {value}\n", named.Output, StringComparison.Ordinal);
        Assert.Equal(named, detected);
    }

    [Fact]
    public void Run_RegistrationNumber_PrintsEveryDecodedField()
    {
        var result = Check("2025340000001231");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            kind:            registration number
            value:           2025340000001231
            year:            2025
            data source:     3 (purchased)
            registrant type: 4 (natural person)
            sequence:        123
            check character: 1

            """.ReplaceLineEndings("\n"),
            result.Output);
    }

    [Fact]
    public void Run_CertificateNumber_PrintsEveryDecodedField()
    {
        var result = Check("20250944000000123");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            kind:      certificate number
            value:     20250944000000123
            year:      2025
            month:     9
            body code: 4400
            serial:    123

            """.ReplaceLineEndings("\n"),
            result.Output);
    }

    // One character changed. Numbers without a check character get a change that breaks a field.
    [Theory]
    [InlineData("registration", 10, '5', "The check character (position 16) should be")]
    [InlineData("certificate", 5, '1', "The month 19 (positions 5–6) must be from 01 to 12.")]
    [InlineData("application", 3, 'A', "'A' at position 3 is not.")]
    [InlineData("credit-code", 9, 'N', "The check character (position 18) should be")]
    [InlineData("resident-id", 17, '3', "(position 18) should be '8' but is 'X': the number is mistyped.")]
    public void Run_OneCharacterChanged_ExitsOneWithTheDomainErrorOnStderrOnly(string kind, int position, char replacement, string domainError)
    {
        var value = ValidValue(kind);
        var changed = value[..(position - 1)] + replacement + value[position..];
        Assert.NotEqual(value, changed);

        foreach (var asKind in new[] { kind, IdentifierCommand.Auto })
        {
            var result = Check(changed, asKind);

            Assert.Equal(1, result.ExitCode);
            Assert.Empty(result.Output);
            Assert.StartsWith($"'{changed}' is ", result.Error, StringComparison.Ordinal);
            Assert.Contains(domainError, result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Run_MistypedRegistrationNumber_NamesExpectedAndFoundCheckCharacter()
    {
        var result = Check("2025340000001232", "registration");

        Assert.Equal(
            "'2025340000001232' is not a valid registration number: The check character (position 16) should be '1' but is '2': the number is mistyped.\n",
            result.Error);
    }

    // The auto rule: 16 characters starting "SQ" → application, other 16 → registration, 17 →
    // certificate; 18 → resident ID if ResidentIdNumber accepts it, otherwise credit code.
    [Theory]
    [InlineData("SQ44002025000123", "application")]
    [InlineData("2025340000001231", "registration")]
    [InlineData("20250944000000123", "certificate")]
    [InlineData("11010519491231002X", "resident-id")] // GB 11643-1999 example, check character X
    [InlineData("440304199003070018", "resident-id")]
    [InlineData("91350100M000100Y43", "credit-code")] // letters inside
    [InlineData("914403001000000020", "credit-code")] // all digits, but positions 7–14 are no birth date
    [InlineData("91440300100000011X", "credit-code")] // digits and a final X, but no birth date
    public void Run_AutoOnValidValue_DetectsTheKind(string value, string kind)
    {
        var result = Check(value, json: true);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(kind, JsonDocument.Parse(result.Output).RootElement.GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("SQ44002025000123", "application")]
    [InlineData("sq44002025000123", "application")] // gets the domain's upper-case message
    [InlineData("SX44002025000123", "registration")]
    [InlineData("2025340000001232", "registration")]
    [InlineData("2025094400000A123", "certificate")] // the only 17-character kind
    [InlineData("110105194912310021", "resident-id,credit-code")]
    [InlineData("11010519491231002x", "resident-id,credit-code")]
    [InlineData("91350100M000100Y44", "credit-code")]
    [InlineData("11010519491231002Y", "credit-code")]
    [InlineData("", "")]
    [InlineData("2025", "")]
    [InlineData("202534000000123", "")]
    [InlineData("9135010M000100Y4300", "")]
    public void Detect_Shape_ListsTheKindsToTry(string value, string kinds)
    {
        var detected = IdentifierCommand.Detect(value);

        Assert.Equal(kinds, string.Join(",", detected.Select(kind => kind.Name)));
    }

    [Fact]
    public void Run_AutoOnUnknownLength_ExitsOneSayingTheLengths()
    {
        var result = Check("2025-0001");

        Assert.Equal((1, string.Empty), (result.ExitCode, result.Output));
        Assert.StartsWith("Cannot tell what kind of identifier '2025-0001' is: it has 9 characters", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AutoOnDigitsFailingBothEighteenCharacterKinds_ReportsBothErrors()
    {
        var result = Check("110105194912310021");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is neither a valid resident ID number nor a valid unified social credit code", result.Error, StringComparison.Ordinal);
        Assert.Contains("As a resident ID number: The check character (position 18) should be 'X' but is '1'", result.Error, StringComparison.Ordinal);
        Assert.Contains("As a unified social credit code: The check character (position 18) should be 'B' but is '1'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_KindGiven_OverridesDetection()
    {
        var result = Check(ResidentId, "credit-code");

        Assert.Equal((1, string.Empty), (result.ExitCode, result.Output));
        Assert.Equal(
            "'11010519491231002X' is not a valid unified social credit code: The check character (position 18) should be 'B' but is 'X': the code is mistyped.\n",
            result.Error);
    }

    [Fact]
    public void Run_UnknownKind_Throws() =>
        Assert.Throws<ArgumentException>(() => Check(Registration, "passport"));

    [Theory]
    [InlineData("registration", "kind,value,year,dataSource,registrantType,sequence,checkCharacter")]
    [InlineData("certificate", "kind,value,year,month,bodyCode,serial")]
    [InlineData("application", "kind,value,bodyCode,year,serial")]
    [InlineData("credit-code", "kind,value,departmentCode,categoryCode,regionCode,organisationCode,checkCharacter")]
    [InlineData("resident-id", "kind,value,addressCode,birthDate,sequenceCode,checkCharacter")]
    public void Run_Json_HasCamelCasePropertiesInOrder(string kind, string properties)
    {
        var result = Check(ValidValue(kind), json: true);

        var root = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(properties, string.Join(",", root.EnumerateObject().Select(property => property.Name)));
        Assert.Equal(kind, root.GetProperty("kind").GetString());
        Assert.Empty(result.Error);
    }

    [Fact]
    public void Run_JsonForRegistrationNumber_HasTypedValuesAndCodeNames()
    {
        var root = JsonDocument.Parse(Check(Registration, json: true).Output).RootElement;

        Assert.Equal("2025340000001231", root.GetProperty("value").GetString());
        Assert.Equal(2025, root.GetProperty("year").GetInt32());
        Assert.Equal(3, root.GetProperty("dataSource").GetProperty("code").GetInt32());
        Assert.Equal("purchased", root.GetProperty("dataSource").GetProperty("name").GetString());
        Assert.Equal(4, root.GetProperty("registrantType").GetProperty("code").GetInt32());
        Assert.Equal("natural person", root.GetProperty("registrantType").GetProperty("name").GetString());
        Assert.Equal(123, root.GetProperty("sequence").GetInt64());
        Assert.Equal("1", root.GetProperty("checkCharacter").GetString());
    }

    [Fact]
    public void Run_JsonForCertificateNumber_HasTypedValues()
    {
        var root = JsonDocument.Parse(Check(Certificate, json: true).Output).RootElement;

        Assert.Equal(
            (2025, 9, "4400", 123L),
            (root.GetProperty("year").GetInt32(), root.GetProperty("month").GetInt32(), root.GetProperty("bodyCode").GetString(), root.GetProperty("serial").GetInt64()));
    }

    // Through Program's root command, as the executable parses its arguments.
    [Theory]
    [InlineData("identifier check 2025340000001231", 0, "")]
    [InlineData("identifier check 2025340000001231 --json --kind registration", 0, "")]
    [InlineData("identifier check 2025340000001232", 1, "is not a valid registration number")]
    [InlineData("identifier check 2025340000001231 --kind certificate", 1, "A certificate number has 17 digits")]
    [InlineData("identifier check", 2, "Required argument missing for command: 'check'.")]
    [InlineData("identifier check 2025340000001231 --kind passport", 2, "Argument 'passport' not recognized.")]
    [InlineData("identifier check 2025340000001231 --colour", 2, "Unrecognized command or argument '--colour'.")]
    [InlineData("identifier", 2, "Required command was not provided.")]
    [InlineData("", 2, "Required command was not provided.")]
    public void ProgramRun_Arguments_ExitsWithTheirCode(string commandLine, int exitCode, string error)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var configuration = new InvocationConfiguration { Output = output, Error = errors };

        var actual = Program.Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), configuration);

        Assert.Equal(exitCode, actual);
        Assert.Contains(error, errors.ToString(), StringComparison.Ordinal);
        if (exitCode == 0)
        {
            Assert.Contains("2025340000001231", output.ToString(), StringComparison.Ordinal);
            Assert.Empty(errors.ToString());
        }
        else if (exitCode == 1)
        {
            Assert.Empty(output.ToString());
        }
    }

    [Fact]
    public void BuildRoot_CheckWithoutValue_IsAParseError()
    {
        var parseResult = Program.BuildRoot().Parse(["identifier", "check", "--json"]);

        Assert.Contains(parseResult.Errors, error => error.Message == "Required argument missing for command: 'check'.");
    }

    // The built executable (copied next to the tests), so Main's wiring and the process exit code
    // are covered too.
    [Theory]
    [InlineData(0, "identifier", "check", "SQ44002025000123")]
    [InlineData(1, "identifier", "check", "SQ4400202500012X")]
    [InlineData(2, "identifier", "check", "SQ44002025000123", "--kind", "nonsense")]
    public async Task Executable_Arguments_ExitsWithTheirCode(int exitCode, params string[] args)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "dataip.exe" : "dataip");
        var start = new ProcessStartInfo(executable, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"couldn't start {executable}");
        var cancellation = TestContext.Current.CancellationToken;

        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);

        Assert.Equal(exitCode, process.ExitCode);
        Assert.Equal(exitCode == 0, (await output).StartsWith("kind:", StringComparison.Ordinal));
        Assert.Equal(exitCode != 0, (await error).Length > 0);
    }

    private static (int ExitCode, string Output, string Error) Check(string value, string kind = IdentifierCommand.Auto, bool json = false)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = IdentifierCommand.Run(value, kind, json, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string ValidValue(string kind) => kind switch
    {
        "registration" => Registration,
        "certificate" => Certificate,
        "application" => Application,
        "credit-code" => CreditCode,
        "resident-id" => ResidentId,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind"),
    };
}
