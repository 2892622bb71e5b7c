using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataIp.Web.Features.Certificates;
using DataIp.Web.Features.Rights;

namespace DataIp.Web.Pages.Registrations;

/// <summary>The registration body of a record, with its region (GB/T 2260).</summary>
public sealed record RecordBody(string Code, string Name, string NameEn, string RegionCode);

/// <summary>One certificate of a registration: the current one and those it superseded, each verified at <see cref="Verification"/>.</summary>
/// <param name="CertificateNumber">Its number.</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="Status">Its status (valid, pledged, superseded, …) as the verification page says it.</param>
/// <param name="Current">Whether it is the registration's current certificate.</param>
/// <param name="Verification">Its verification page (<c>/verify/{n}</c>).</param>
public sealed record RecordCertificate(string CertificateNumber, DateTimeOffset IssuedAt, string Status, bool Current, string Verification);

/// <summary>
/// The record of one registration as the reader may read it, and the only source of what the
/// record page (<c>/registrations/{n}</c>), its JSON (the same address with
/// <c>Accept: application/json</c>) and its schema.org <c>Dataset</c> JSON-LD show: one projection,
/// so the three cannot drift. For anyone but its parties it holds public fields only; a party
/// reads the reasons of its own acts too (<see cref="HistoryLine.Reason"/>).
/// </summary>
/// <param name="RegistrationNumber">The registration number (登记号).</param>
/// <param name="DataName">The data's name.</param>
/// <param name="Summary">The product summary, if given.</param>
/// <param name="Scenarios">The application scenarios.</param>
/// <param name="Holders">The holders and their shares.</param>
/// <param name="Body">The registration body.</param>
/// <param name="LegalStatus">Its legal status now (valid, pledged, expired, cancelled, revoked).</param>
/// <param name="RegistrationDate">The day of registration.</param>
/// <param name="ValidUntil">The last day of validity.</param>
/// <param name="Rights">The rights registered.</param>
/// <param name="Licences">Licences recorded whose term has not ended.</param>
/// <param name="Pledges">Pledges registered and not released.</param>
/// <param name="DecisionReasons">The public reasons of a revocation.</param>
/// <param name="Certificates">Its certificates, newest first.</param>
/// <param name="History">Its acts, oldest first, each with its log entry and, once a checkpoint covers it, its inclusion proof.</param>
/// <param name="CheckpointSize">The tree size of the latest checkpoint when the record was read.</param>
/// <param name="Url">The record page's address.</param>
/// <param name="Licence">The licence under which the register's records may be reused.</param>
public sealed record PublicRecord(
    string RegistrationNumber,
    string DataName,
    string? Summary,
    IReadOnlyList<string> Scenarios,
    IReadOnlyList<HolderView> Holders,
    RecordBody Body,
    CertificateStatus LegalStatus,
    DateOnly? RegistrationDate,
    DateOnly? ValidUntil,
    IReadOnlyList<string> Rights,
    int Licences,
    int Pledges,
    string? DecisionReasons,
    IReadOnlyList<RecordCertificate> Certificates,
    IReadOnlyList<HistoryLine> History,
    long CheckpointSize,
    string Url,
    string Licence)
{
    // The JSON of the record: the API's (camelCase, enums by name); the JSON-LD keeps CJK readable and escapes only '<' (below).
    private static readonly JsonSerializerOptions ApiJson = CreateApiJson();
    private static readonly JsonSerializerOptions LinkedDataJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The API's JSON settings, for the record's JSON answer.</summary>
    public static JsonSerializerOptions Json => ApiJson;

    /// <summary>The inclusion proof of a log entry against the latest checkpoint.</summary>
    public static string ProofOf(long logIndex) => $"/api/v1/log/entries/{logIndex}/proof";

    /// <summary>The record of a registration from what the page read: its public view, legal status, certificates and history.</summary>
    public static PublicRecord Of(
        PublicApplicationView view, string regionCode, LegalStatusView status, CertificateStatus legalState, IReadOnlyList<CertificateStatusView> certificates,
        IReadOnlyList<HistoryLine> history, long checkpointSize, Uri baseUrl, string licence)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(history);
        var number = view.RegistrationNumber ?? throw new ArgumentException("A record is of a registration.", nameof(view));
        var data = view.Content.DataObject;
        return new PublicRecord(
            number, view.DataName, string.IsNullOrWhiteSpace(data?.ProductSummary) ? null : data.ProductSummary, data?.ApplicationScenarios ?? [],
            status.Holders, new RecordBody(view.BodyCode, view.BodyName, view.BodyNameEn, regionCode), legalState,
            status.RegistrationDate, status.ValidUntil, status.Rights, status.Licences.Count, status.Pledges.Count,
            legalState == CertificateStatus.Revoked ? view.DecisionReasons : null,
            [.. certificates.Select(c => new RecordCertificate(c.CertificateNumber, c.IssuedAt, c.Status, c.CertificateNumber == status.CertificateNumber,
                "/verify/" + Uri.EscapeDataString(c.CertificateNumber)))],
            [.. history.Select(h => h with { Proof = h.LogIndex < checkpointSize ? ProofOf(h.LogIndex) : null })],
            checkpointSize, new Uri(baseUrl, "registrations/" + Uri.EscapeDataString(number)).ToString(), licence);
    }

    /// <summary>
    /// The schema.org <c>Dataset</c> describing the registered data, for a
    /// <c>&lt;script type="application/ld+json"&gt;</c> block: every <c>&lt;</c> is written
    /// <c>\u003c</c>, so no data value can close the element. The data itself stays with its holder
    /// (<c>isAccessibleForFree</c> false); the register's record of it is reusable under
    /// <see cref="Licence"/> (<c>license</c> and <c>sdLicense</c>).
    /// </summary>
    public string LinkedData()
    {
        var dataset = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Dataset",
            ["@id"] = Url,
            ["name"] = DataName,
            ["identifier"] = RegistrationNumber,
            ["url"] = Url,
            ["creator"] = new JsonArray([.. Holders.Select(h => (JsonNode)new JsonObject { ["@type"] = "Organization", ["name"] = h.Name })]),
            ["publisher"] = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = Body.Name, ["alternateName"] = Body.NameEn, ["identifier"] = Body.Code },
            ["spatialCoverage"] = new JsonObject { ["@type"] = "AdministrativeArea", ["identifier"] = Body.RegionCode },
            ["license"] = Licence,
            ["sdLicense"] = Licence,
            ["isAccessibleForFree"] = false,
            ["creativeWorkStatus"] = JsonNaming.Camel(LegalStatus),
        };
        if (Summary is not null)
        {
            dataset["description"] = Summary;
        }

        if (Scenarios.Count > 0)
        {
            dataset["keywords"] = new JsonArray([.. Scenarios.Select(s => (JsonNode)JsonValue.Create(s))]);
        }

        if (RegistrationDate is { } registered)
        {
            dataset["dateCreated"] = registered.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            dataset["datePublished"] = registered.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (ValidUntil is { } until)
        {
            dataset["expires"] = until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return dataset.ToJsonString(LinkedDataJson).Replace("<", "\\u003c", StringComparison.Ordinal);
    }

    private static JsonSerializerOptions CreateApiJson()
    {
        var options = new JsonSerializerOptions();
        Problems.ConfigureJson(options);
        return options;
    }
}
