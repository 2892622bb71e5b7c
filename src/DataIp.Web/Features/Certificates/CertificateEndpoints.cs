using DataIp.Crypto.Credentials;
using DataIp.Domain.Numbering;

namespace DataIp.Web.Features.Certificates;

/// <summary>The public record of certificates: status, PDF and credential (anyone).</summary>
internal static class CertificateEndpoints
{
    public static void MapCertificatesApi(this IEndpointRouteBuilder app)
    {
        app.MapIssuer();
        var group = app.MapGroup("/api/v1/certificates/{certificateNumber}").WithTags("Certificates").AllowAnonymous();
        group.MapGet("", StatusAsync).CacheOutput(Register.PublicReads.Policy).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("GetCertificate").WithSummary("A certificate's public record and current legal status: valid, pledged, expired, superseded, cancelled or revoked (anyone). "
                + "A pilot-era certificate number that was imported finds its registration's current certificate (foundByPilotNumber).");
        group.MapGet("/status", LeanStatusAsync)
            .WithName("GetCertificateStatus").WithSummary("The certificate's current legal status alone, from memory: what relying parties and `dataip verify --online` check (anyone).");
        group.MapGet("/pdf", PdfAsync)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf").ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("GetCertificatePdf").WithSummary("The certificate PDF: A4, QR code to the verification page, the body's seal, the credential embedded as credential.json (anyone).");
        group.MapGet("/credential", CredentialAsync)
            .Produces<CredentialEnvelope>(StatusCodes.Status200OK, "application/json")
            .WithName("GetCertificateCredential").WithSummary("The signed credential (W3C VC 2.0, Ed25519 and SM2 proofs) with the C2SP tlog-proof of its issuance act (anyone).");
    }

    private static async Task<Results<Ok<CertificateStatusView>, ValidationProblem, ProblemHttpResult>> StatusAsync(string certificateNumber, CertificateService certificates, HttpContext http, CancellationToken ct)
    {
        var (record, problem) = await FindAsync(certificateNumber, certificates, ct).ConfigureAwait(false);
        string? pilot = null;
        if (record is null && !CertificateNumber.TryParse(certificateNumber, out _, out _))
        {
            // Not a unified number: a pilot-era certificate's, if one was imported (docs/import.md).
            var (found, bodies) = await certificates.FindByPilotNumberAsync(certificateNumber, ct).ConfigureAwait(false);
            if (bodies.Count > 1)
            {
                return Problems.Status(StatusCodes.Status409Conflict, "Ambiguous pilot-era number",
                    $"The pilot-era certificate number {certificateNumber.Trim()} was issued by several bodies ({string.Join(", ", bodies)}); ask by the unified certificate number.");
            }

            (record, pilot) = found?.Certificate.Credential is null ? (null, null) : (found, certificateNumber.Trim());
        }

        if (record is null)
        {
            return problem!.AnswerFor<Ok<CertificateStatusView>>();
        }

        http.Response.Headers.CacheControl = "no-cache";
        Register.PublicReads.Concerns(http, record.Certificate.ApplicationId);
        return TypedResults.Ok(await certificates.ViewAsync(record, ct).ConfigureAwait(false) with { FoundByPilotNumber = pilot });
    }

    private static async Task<Results<Ok<CertificateStatusAnswer>, ValidationProblem, ProblemHttpResult>> LeanStatusAsync(
        string certificateNumber, CertificateStatusIndex index, IServiceProvider services, HttpContext http, CancellationToken ct)
    {
        if (!CertificateNumber.TryParse(certificateNumber, out _, out var error))
        {
            return Problems.Field("certificateNumber", error);
        }

        var answer = index.Find(certificateNumber)
            ?? await index.FindInDatabaseAsync(services.GetRequiredService<Data.RegistryDbContext>(), certificateNumber, ct).ConfigureAwait(false);
        if (answer is null)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Not found", $"No certificate {certificateNumber} is on the register.");
        }

        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Ok(answer);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> PdfAsync(
        string certificateNumber, CertificateService certificates, CancellationToken ct)
    {
        var (record, problem) = await FindAsync(certificateNumber, certificates, ct).ConfigureAwait(false);
        if (record is null)
        {
            return problem!.AnswerFor<FileContentHttpResult>();
        }

        if (certificates.SealFor(record.BodyCode, record.BodyName) is not { } seal)
        {
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Seal not configured",
                $"The registration body {record.BodyCode} has no seal configured (DataIp:Certificates:Seals:{record.BodyCode}), "
                + "so its certificate PDF cannot be issued. The certificate's record and credential are available.");
        }

        var envelope = await certificates.EnvelopeAsync(record.Certificate, ct).ConfigureAwait(false);
        var pdf = certificates.RenderPdf(record, seal, envelope);
        return TypedResults.File(pdf, "application/pdf", $"certificate-{certificateNumber}.pdf");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> CredentialAsync(
        string certificateNumber, CertificateService certificates, CancellationToken ct)
    {
        var (record, problem) = await FindAsync(certificateNumber, certificates, ct).ConfigureAwait(false);
        if (record is null)
        {
            return problem!.AnswerFor<FileContentHttpResult>();
        }

        var envelope = await certificates.EnvelopeAsync(record.Certificate, ct).ConfigureAwait(false);
        return TypedResults.Bytes(CertificateService.EnvelopeBytes(envelope), "application/json");
    }

    /// <summary>The certificate, or the problem to answer: 400 for a malformed number, 404 for an unknown one.</summary>
    internal static async Task<(CertificateRecord? Record, Results<ValidationProblem, ProblemHttpResult>? Problem)> FindAsync(
        string certificateNumber, CertificateService certificates, CancellationToken ct)
    {
        if (!CertificateNumber.TryParse(certificateNumber, out _, out var error))
        {
            return (null, Problems.Field("certificateNumber", error));
        }

        var record = await certificates.FindAsync(certificateNumber, ct).ConfigureAwait(false);
        return record is null || record.Certificate.Credential is null
            ? (null, Problems.Status(StatusCodes.Status404NotFound, "Not found", $"No certificate {certificateNumber} is on the register."))
            : (record, null);
    }
}
