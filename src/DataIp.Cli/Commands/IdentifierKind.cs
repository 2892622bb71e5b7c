using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DataIp.Domain.Numbering;
using DataIp.Domain.Registration;

namespace DataIp.Cli.Commands;

/// <summary>
/// A kind of identifier <c>dataip identifier check</c> knows (DOMAIN §7 and the two national codes
/// a registrant is identified by), with the domain parser that checks it and the fields it decodes
/// to. The checks are the domain's own: this class only lays their results out. Immutable.
/// </summary>
internal sealed class IdentifierKind
{
    private delegate IReadOnlyList<Field>? Decoder(string value, out string? error);

    private readonly Decoder _decode;

    private IdentifierKind(string name, string noun, Decoder decode)
    {
        Name = name;
        Noun = noun;
        _decode = decode;
    }

    /// <summary>The registration number (登记号), checked by <see cref="RegistrationNumber.TryParse"/>.</summary>
    public static IdentifierKind Registration { get; } = new("registration", "registration number", DecodeRegistration);

    /// <summary>The certificate number (证书编号), checked by <see cref="CertificateNumber.TryParse"/>.</summary>
    public static IdentifierKind Certificate { get; } = new("certificate", "certificate number", DecodeCertificate);

    /// <summary>The application number, checked by <see cref="ApplicationNumber.TryParse"/>.</summary>
    public static IdentifierKind Application { get; } = new("application", "application number", DecodeApplication);

    /// <summary>The unified social credit code (GB 32100-2015), checked by <see cref="UnifiedSocialCreditCode.Validate"/>.</summary>
    public static IdentifierKind CreditCode { get; } = new("credit-code", "unified social credit code", DecodeCreditCode);

    /// <summary>The resident ID number (GB 11643-1999), checked by <see cref="ResidentIdNumber.Validate"/>.</summary>
    public static IdentifierKind ResidentId { get; } = new("resident-id", "resident ID number", DecodeResidentId);

    /// <summary>Every kind, in the order the help text lists them.</summary>
    public static IReadOnlyList<IdentifierKind> All { get; } = [Registration, Certificate, Application, CreditCode, ResidentId];

    /// <summary>The <c>--kind</c> value, also the <c>kind</c> of the JSON output, e.g. "credit-code".</summary>
    public string Name { get; }

    /// <summary>What people call it, e.g. "unified social credit code".</summary>
    public string Noun { get; }

    /// <summary>The kind with the <c>--kind</c> value <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No kind has that name (a caller bug: the parser only accepts known names).</exception>
    public static IdentifierKind Named(string name) =>
        All.FirstOrDefault(kind => kind.Name == name)
        ?? throw new ArgumentException($"'{name}' is not an identifier kind.", nameof(name));

    /// <summary>Checks <paramref name="value"/> as this kind, as typed (no trimming, no case folding).</summary>
    /// <param name="value">The text to check.</param>
    /// <param name="fields">The decoded fields, in the order they appear in the value, when valid.</param>
    /// <param name="error">The domain's message saying what is wrong, when invalid.</param>
    /// <returns>True when <paramref name="value"/> is a valid identifier of this kind.</returns>
    public bool TryDecode(string value, [NotNullWhen(true)] out IReadOnlyList<Field>? fields, [NotNullWhen(false)] out string? error)
    {
        fields = _decode(value, out error);
        if (fields is not null)
        {
            return true;
        }

        error ??= $"The value is not a {Noun}.";
        return false;
    }

    private static IReadOnlyList<Field>? DecodeRegistration(string value, out string? error) =>
        RegistrationNumber.TryParse(value, out var number, out error)
            ?
            [
                new("year", "year", number.Year),
                new("dataSource", "data source", new CodeName((int)number.Source, NameOf(number.Source))),
                new("registrantType", "registrant type", new CodeName((int)number.RegistrantType, NameOf(number.RegistrantType))),
                new("sequence", "sequence", number.Sequence),
                new("checkCharacter", "check character", number.CheckCharacter.ToString()),
            ]
            : null;

    private static IReadOnlyList<Field>? DecodeCertificate(string value, out string? error) =>
        CertificateNumber.TryParse(value, out var number, out error)
            ?
            [
                new("year", "year", number.Year),
                new("month", "month", number.Month),
                new("bodyCode", "body code", number.BodyCode),
                new("serial", "serial", number.Serial),
            ]
            : null;

    private static IReadOnlyList<Field>? DecodeApplication(string value, out string? error) =>
        ApplicationNumber.TryParse(value, out var number, out error)
            ?
            [
                new("bodyCode", "body code", number.BodyCode),
                new("year", "year", number.Year),
                new("serial", "serial", number.Serial),
            ]
            : null;

    // GB 32100-2015 §4 fields, shown as written: the domain checks the alphabet and the check
    // character only, so no meaning is claimed for the codes.
    private static IReadOnlyList<Field>? DecodeCreditCode(string value, out string? error)
    {
        error = UnifiedSocialCreditCode.Validate(value).Error;
        return error is not null
            ? null
            :
            [
                new("departmentCode", "registration department code", value[..1]),
                new("categoryCode", "organisation category code", value[1..2]),
                new("regionCode", "region code", value[2..8]),
                new("organisationCode", "organisation code", value[8..17]),
                new("checkCharacter", "check character", value[17..]),
            ];
    }

    // GB 11643-1999 §5 fields; the domain has checked that the birth date is a real date.
    private static IReadOnlyList<Field>? DecodeResidentId(string value, out string? error)
    {
        error = ResidentIdNumber.Validate(value).Error;
        return error is not null
            ? null
            :
            [
                new("addressCode", "address code", value[..6]),
                new("birthDate", "birth date", $"{value[6..10]}-{value[10..12]}-{value[12..14]}"),
                new("sequenceCode", "sequence code", value[14..17]),
                new("checkCharacter", "check character", value[17..]),
            ];
    }

    // The names of the DOMAIN §7 [design] codes.
    private static string NameOf(DataSourceType source) => source switch
    {
        DataSourceType.SelfGenerated => "self-generated or self-collected",
        DataSourceType.Authorised => "authorised",
        DataSourceType.Purchased => "purchased",
        DataSourceType.PublicDataAuthorisedOperation => "public data under authorised operation",
        DataSourceType.Other => "other",
        _ => source.ToString(),
    };

    private static string NameOf(RegistrantType type) => type switch
    {
        RegistrantType.Enterprise => "enterprise",
        RegistrantType.PublicInstitution => "public institution",
        RegistrantType.SocialOrganisation => "social organisation",
        RegistrantType.NaturalPerson => "natural person",
        RegistrantType.Other => "other",
        _ => type.ToString(),
    };
}

/// <summary>
/// One decoded field: its camelCase JSON name, its label for people, and its value (a string, an
/// int, a long or a <see cref="CodeName"/>).
/// </summary>
internal sealed record Field(string Name, string Label, object Value)
{
    /// <summary>The value as the text output shows it.</summary>
    public string Text => Convert.ToString(Value, CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>A coded field with the name of its code, e.g. registrant type 1, enterprise.</summary>
internal sealed record CodeName(int Code, string Name)
{
    /// <summary>"1 (enterprise)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Code} ({Name})");
}
