using System.Globalization;
using DataIp.Domain.Numbering;

namespace DataIp.Web.Features.PilotImports;

/// <summary>A pilot-era certificate as one good row of the file gives it (docs/import.md).</summary>
/// <param name="Line">The file's line.</param>
/// <param name="PilotNumber">The pilot-era certificate number.</param>
/// <param name="PilotRegistrationNumber">The pilot-era registration number, if any.</param>
/// <param name="RegistrationDate">The original registration date.</param>
/// <param name="ValidUntil">The last day of validity.</param>
/// <param name="DataName">The data's name.</param>
/// <param name="Holders">The holders, the first listed first, with their registrant types.</param>
/// <param name="IndustryCode">The GB/T 4754 division.</param>
/// <param name="SourceType">The data source type.</param>
/// <param name="Rights">The rights registered.</param>
/// <param name="Scenarios">The application scenarios.</param>
/// <param name="Summary">The product summary, if any.</param>
public sealed record PilotCertificate(
    int Line, string PilotNumber, string? PilotRegistrationNumber, DateOnly RegistrationDate, DateOnly ValidUntil, string DataName,
    IReadOnlyList<(PilotHolder Holder, RegistrantType Type)> Holders, string IndustryCode, DataSourceType SourceType, IReadOnlyList<DataRight> Rights,
    IReadOnlyList<string> Scenarios, string? Summary);

/// <summary>
/// The file's columns and the check of each row: every problem of every row is found (not only the
/// first), each naming its line and column. Values are data: one starting with <c>=</c>, <c>+</c>,
/// <c>-</c> or <c>@</c> is stored as written (an export quotes it, never a parser here).
/// </summary>
public static class PilotRows
{
    /// <summary>The columns, in the order of the sample file; the first six are required.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "pilot_certificate_number", "registration_date", "valid_until", "data_name", "holder_name", "holder_code",
        "pilot_registration_number", "co_holders", "industry_code", "data_source_type", "rights", "scenarios", "summary",
    ];

    /// <summary>The columns every file must have.</summary>
    public static readonly IReadOnlyList<string> Required = [.. Columns.Take(6), "industry_code"];

    private const int NameMax = ApplicationContentLimits.DefaultNameMaxLength;

    /// <summary>Checks the header: the index of each known column, or the problems (all reported at line 1).</summary>
    public static (Dictionary<string, int> Index, List<ImportProblem> Problems) Header(CsvRecord header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<ImportProblem>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().ToLowerInvariant();
            if (!Columns.Contains(name))
            {
                problems.Add(new ImportProblem(header.Line, null, ImportProblemCode.UnknownColumn, Shorten(header.Fields[i])));
            }
            else if (!index.TryAdd(name, i))
            {
                problems.Add(new ImportProblem(header.Line, name, ImportProblemCode.RepeatedColumn, name));
            }
        }

        problems.AddRange(Required.Where(c => !index.ContainsKey(c)).Select(c => new ImportProblem(header.Line, c, ImportProblemCode.MissingColumn, c)));
        return (index, problems);
    }

    /// <summary>Checks one row: the certificate, or every problem it has.</summary>
    public static (PilotCertificate? Certificate, List<ImportProblem> Problems) Check(CsvRecord row, IReadOnlyDictionary<string, int> index, int columnCount, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(index);
        var problems = new List<ImportProblem>();
        if (row.Fields.Count != columnCount)
        {
            problems.Add(new ImportProblem(row.Line, null, ImportProblemCode.FieldCount, row.Fields.Count.ToString(CultureInfo.InvariantCulture)));
            return (null, problems);
        }

        var reader = new RowReader(row, index, problems);
        var number = reader.Text("pilot_certificate_number", Data.Pilots.PilotAlias.MaxNumberLength, required: true);
        var registrationNumber = reader.Text("pilot_registration_number", Data.Pilots.PilotAlias.MaxNumberLength, required: false);
        var from = reader.Date("registration_date");
        var until = reader.Date("valid_until");
        if (from is { } f && f > today)
        {
            problems.Add(new ImportProblem(row.Line, "registration_date", ImportProblemCode.FutureDate));
        }

        if (from is { } start && until is { } end && end < start)
        {
            problems.Add(new ImportProblem(row.Line, "valid_until", ImportProblemCode.EndsBeforeStart));
        }

        var dataName = reader.Text("data_name", NameMax, required: true);
        var holders = reader.Holders();
        var industry = reader.Industry();
        var source = reader.SourceType();
        var rights = reader.Rights();
        var scenarios = reader.List("scenarios", ApplicationContentLimits.DefaultScenarioMaxLength, ApplicationContentLimits.DefaultMaxScenarios);
        var summary = reader.Text("summary", ApplicationContentLimits.DefaultSummaryMaxLength, required: false, singleLine: false);
        return problems.Count > 0 ? (null, problems)
            : (new PilotCertificate(row.Line, number!, registrationNumber, from!.Value, until!.Value, dataName!, holders, industry!, source, rights, scenarios, summary), problems);
    }

    /// <summary>A header's name cut for a message.</summary>
    internal static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 37), "...");

    /// <summary>The registrant type an identifier shows: a person's ID number, or the registering authority of a unified social credit code (GB 32100 §4.1).</summary>
    internal static RegistrantType? TypeOf(string code)
    {
        if (UnifiedSocialCreditCode.Validate(code).IsValid)
        {
            return code[0] switch
            {
                '1' => RegistrantType.PublicInstitution,
                '5' => RegistrantType.SocialOrganisation,
                '9' => RegistrantType.Enterprise,
                _ => RegistrantType.Other,
            };
        }

        return ResidentIdNumber.Validate(code).IsValid ? RegistrantType.NaturalPerson : null;
    }
}
