using System.Globalization;
using System.Text.Json.Nodes;
using DataIp.Crypto.Credentials;
using DataIp.Data.Certificates;
using DataIp.Domain.Calendar;
using DataIp.Web.Features.Ledger;

namespace DataIp.Web.Features.Certificates;

/// <summary>
/// Signs a certificate's credential when the certificate is issued (docs/credential.md,
/// "The certificate's fields"), and reads the certificate back from it: the credential is the
/// record of what the certificate says, and the PDF is rendered from it, so the two never differ.
/// </summary>
public sealed class CertificateIssuer(IssuerSigningKeys keys, LogSigningKeys log, PublicAddress address, TimeProvider clock)
{
    /// <summary>The credential type after "VerifiableCredential".</summary>
    public const string CredentialType = "DataIpRegistrationCertificate";

    /// <summary>The <c>credentialStatus</c> type: the status JSON of <c>GET /api/v1/certificates/{n}</c>.</summary>
    public const string StatusType = "DataIpCertificateStatus";

    /// <summary>The public verification page of a certificate: what its QR code opens (at the current <see cref="PublicAddress"/>).</summary>
    public Uri VerificationUrl(string certificateNumber) => new(address.Current, "verify/" + certificateNumber);

    /// <summary>The certificate's status JSON (at the current <see cref="PublicAddress"/>).</summary>
    public Uri StatusUrl(string certificateNumber) => new(address.Current, "api/v1/certificates/" + certificateNumber);

    /// <summary>
    /// Signs the credential of <paramref name="certificate"/>, just issued for
    /// <paramref name="application"/> (registered: registration number, date and validity set) by
    /// the act at <paramref name="logIndex"/> with <paramref name="leafHash"/>, and stores it on the
    /// certificate. The first certificate of a pilot-era certificate's import names its pilot-era
    /// number (<paramref name="pilotNumber"/>, docs/import.md).
    /// </summary>
    public void Sign(Certificate certificate, ApplicationRecord application, long logIndex, byte[] leafHash, IReadOnlyList<string>? holders = null, string? pilotNumber = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(leafHash);
        var content = application.Content;
        var registrationDate = application.RegistrationDate
            ?? throw new InvalidOperationException($"Couldn't sign certificate {certificate.CertificateNumber}: the application is not registered.");
        var subject = new JsonObject
        {
            ["certificateNumber"] = certificate.CertificateNumber,
            ["registrationNumber"] = certificate.RegistrationNumber,
            ["dataName"] = application.DataName,
            ["holders"] = new JsonArray([.. (holders ?? Holders(content)).Select(h => JsonValue.Create(h))]),
            ["rights"] = new JsonArray([.. content.RightsClaimed.Select(r => r.Right).OfType<DataRight>().Distinct().Order().Select(r => JsonValue.Create(JsonNaming.Camel(r)))]),
            // An imported registration has no application on the platform: its date is no later than the registration's.
            ["applicationDate"] = Date(Min(ChinaTime.ToChinaDate(application.SubmittedAt ?? certificate.IssuedAt), registrationDate)),
            ["registrationDate"] = Date(registrationDate),
            ["validFrom"] = Date(registrationDate),
            ["validUntil"] = Date(application.ValidUntil ?? registrationDate),
            ["registrationBody"] = new JsonObject { ["code"] = application.Body.Code, ["name"] = application.Body.Name },
            ["issuanceAct"] = new JsonObject { ["log"] = log.Origin, ["index"] = logIndex, ["leafHash"] = Convert.ToBase64String(leafHash) },
        };
        if (certificate.Supersedes is { } supersedes)
        {
            subject["supersedes"] = supersedes;
        }

        if (pilotNumber is not null)
        {
            subject["pilotCertificateNumber"] = pilotNumber;
        }

        var credential = VerifiableCredential.Issue(
            new CredentialContent(keys.Did, certificate.IssuedAt, subject)
            {
                Id = new Uri(address.Current, $"api/v1/certificates/{certificate.CertificateNumber}/credential").AbsoluteUri,
                AdditionalTypes = [CredentialType],
                CredentialStatus = new JsonObject { ["id"] = StatusUrl(certificate.CertificateNumber).AbsoluteUri, ["type"] = StatusType },
            },
            keys.SigningKeys,
            clock.GetUtcNow());
        certificate.IssuanceLogIndex = logIndex;
        certificate.Credential = credential.ToJsonString(DataIp.Domain.Acts.ActJson.Options);
    }

    /// <summary>
    /// What the PDF prints, read from the signed credential (so the PDF says what was signed).
    /// </summary>
    /// <exception cref="InvalidOperationException">The certificate has no credential.</exception>
    public CertificateDocument Document(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var credential = JsonNode.Parse(certificate.Credential
            ?? throw new InvalidOperationException($"Certificate {certificate.CertificateNumber} has no credential."))!.AsObject();
        var subject = credential["credentialSubject"]!.AsObject();
        return new CertificateDocument
        {
            CertificateNumber = certificate.CertificateNumber,
            RegistrationNumber = (string)subject["registrationNumber"]!,
            DataName = (string)subject["dataName"]!,
            Holders = [.. subject["holders"]!.AsArray().Select(h => (string)h!)],
            Rights = [.. subject["rights"]!.AsArray().Select(r => Enum.Parse<DataRight>((string)r!, ignoreCase: true))],
            ApplicationDate = ParseDate(subject["applicationDate"]),
            RegistrationDate = ParseDate(subject["registrationDate"]),
            ValidFrom = ParseDate(subject["validFrom"]),
            ValidUntil = ParseDate(subject["validUntil"]),
            RegistrationBody = (string)subject["registrationBody"]!["name"]!,
            VerificationUrl = VerificationUrl(certificate.CertificateNumber),
            IssuedAt = certificate.IssuedAt,
        };
    }

    /// <summary>The holder and co-holders, in the order the application names them.</summary>
    internal static IReadOnlyList<string> Holders(ApplicationContent content) =>
        [.. new[] { content.Applicant?.Name }.Concat(content.Applicant?.CoApplicants.Select(c => c.Name) ?? [])
            .Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim())];

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly ParseDate(JsonNode? node) => DateOnly.ParseExact((string)node!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
