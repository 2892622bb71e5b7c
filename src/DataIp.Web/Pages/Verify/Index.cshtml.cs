using System.Text.Json;
using DataIp.Crypto.Credentials;
using DataIp.Web.Features.Certificates;

namespace DataIp.Web.Pages.Verify;

/// <summary>
/// The verification page the certificate's QR code opens (anyone; docs/certificate.md,
/// "Verification page"): a certificate's public record and current status with the checks the
/// server ran on its own credential, and an upload that runs the same checks on a PDF or a
/// credential JSON and compares it with the register.
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(CertificateVerifier.MaxUploadBytes + (64 << 10))]
[RequestFormLimits(MultipartBodyLengthLimit = CertificateVerifier.MaxUploadBytes + (64 << 10))]
public sealed class IndexModel(CertificateService certificates, CertificateVerifier verifier, Data.RegistryDbContext db, TimeProvider clock) : PageModel
{
    // The upload's messages, by their keys in Pages/Text.resx.
    public const string NoFile = "Verify.NoFile";
    public const string EmptyFile = "Verify.EmptyFile";
    public const string TooLarge = "Verify.TooLarge";
    public const string Unreadable = "Verify.Unreadable";

    /// <summary>The certificate number in the path, or null on <c>/verify</c>.</summary>
    [FromRoute]
    public string? CertificateNumber { get; set; }

    /// <summary>Why the number in the path does not lead to a certificate, or null.</summary>
    public string? NumberError { get; private set; }

    /// <summary>The pilot-era number in the path that found the certificate (docs/import.md), or null.</summary>
    public string? FoundByPilotNumber { get; private set; }

    /// <summary>The register's record and status of the certificate in the path.</summary>
    public CertificateStatusView? Record { get; private set; }

    /// <summary>The checks of the register's own credential.</summary>
    public CredentialChecks? RecordChecks { get; private set; }

    /// <summary>The registration's rights and encumbrances now: holders, licences, pledges in priority order.</summary>
    public Features.Rights.LegalStatusView? Rights { get; private set; }

    /// <summary>The uploaded file's checks and comparison with the register, after a POST that read one.</summary>
    public UploadComparison? Upload { get; private set; }

    /// <summary>Why the upload could not be read, or null.</summary>
    public string? UploadError { get; private set; }

    /// <summary>The number typed in the box on <c>/verify</c>, kept when it is refused.</summary>
    [FromQuery(Name = "number")]
    public string? TypedNumber { get; set; }

    /// <summary>Why the typed number was refused, or null.</summary>
    public string? TypedNumberError { get; private set; }

    /// <summary>The form's errors for the summary at the top of the page.</summary>
    public IReadOnlyList<FieldError> Errors =>
    [
        .. TypedNumberError is { } typed ? [new FieldError("number", typed)] : Array.Empty<FieldError>(),
        .. NumberError is { } number ? [new FieldError("number", number)] : Array.Empty<FieldError>(),
        .. UploadError is { } upload ? [new FieldError("file", upload)] : Array.Empty<FieldError>(),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The box on /verify: a number typed there opens its own page, /verify/{number}, which checks it.
        if (CertificateNumber is null && Request.Query.ContainsKey("number"))
        {
            var typed = new string([.. (TypedNumber ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-')]);
            if (typed.Length > 0)
            {
                return Redirect("/verify/" + Uri.EscapeDataString(typed));
            }

            TypedNumberError = Text.Get("Verify.MissingNumber");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await LoadAsync(ct).ConfigureAwait(false);
        return Page();
    }

    public async Task OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        await LoadAsync(ct).ConfigureAwait(false);
        var input = await ReadAsync(file, ct).ConfigureAwait(false);
        if (input is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Upload = await verifier.CheckUploadAsync(input, ct).ConfigureAwait(false);
    }

    // The certificate in the path: 400 for a malformed number, 404 for an unknown one, as the API answers.
    private async Task LoadAsync(CancellationToken ct)
    {
        if (CertificateNumber is null)
        {
            return;
        }

        CertificateRecord? record;
        if (!Domain.Numbering.CertificateNumber.TryParse(CertificateNumber, out _, out var error))
        {
            // Not a unified number: a pilot-era certificate's, if one was imported (docs/import.md).
            (record, var bodies) = await certificates.FindByPilotNumberAsync(CertificateNumber, ct).ConfigureAwait(false);
            if (record is null)
            {
                NumberError = bodies.Count > 1 ? Text.Format("Import.Verify.Ambiguous", string.Join(Text.Get("Common.Separator"), bodies))
                    : Text.Format("Verify.Malformed", error);
                Response.StatusCode = bodies.Count > 1 ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
                return;
            }

            FoundByPilotNumber = CertificateNumber.Trim();
        }
        else
        {
            record = await certificates.FindAsync(CertificateNumber, ct).ConfigureAwait(false);
        }

        if (record?.Certificate.Credential is null)
        {
            NumberError = Text.Format("Verify.NotFound", CertificateNumber);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Record = await certificates.ViewAsync(record, ct).ConfigureAwait(false);
        RecordChecks = await verifier.CheckAsync(record, ct).ConfigureAwait(false);
        Rights = (await Features.Rights.LegalStatus.AtAsync(db, record.Certificate.RegistrationNumber, clock.GetUtcNow(), ct).ConfigureAwait(false)).View;
    }

    // The upload as an envelope or a credential, or null with UploadError set.
    private async Task<CertificateInput?> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        UploadError = file is null ? Text.Get(NoFile)
            : file.Length == 0 ? Text.Get(EmptyFile)
            : file.Length > CertificateVerifier.MaxUploadBytes ? Text.Get(TooLarge)
            : null;
        if (UploadError is not null)
        {
            return null;
        }

        using var buffer = new MemoryStream((int)file!.Length);
        await file.CopyToAsync(buffer, ct).ConfigureAwait(false);
        try
        {
            var input = CertificateInput.TryRead(buffer.ToArray(), out var error);
            UploadError = input is null ? Text.Format(Unreadable, error) : null;
            return input;
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            // JSON the reader accepts but a credential cannot be (e.g. duplicate member names).
            UploadError = Text.Format(Unreadable, exception.Message);
            return null;
        }
    }
}
