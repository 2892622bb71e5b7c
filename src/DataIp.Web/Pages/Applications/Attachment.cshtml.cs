using DataIp.Web.Features.Attachments;

namespace DataIp.Web.Pages.Applications;

/// <summary>
/// An application's attachment downloaded from its page with the sign-in cookie, by whoever may
/// read the application (the rule of <c>GET /api/v1/applications/{id}/attachments/{attachmentId}</c>,
/// shared); anyone else gets the 404 page. Served as a download, never displayed inline.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AttachmentModel(RegistryDbContext db, IAttachmentStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var (record, stream, missing) = await AttachmentEndpoints.OpenAsync(db, store, ActingParty.From(User), id, attachmentId, ct).ConfigureAwait(false);
        if (record is null)
        {
            return NotFound();
        }

        return missing ? StatusCode(StatusCodes.Status410Gone) : File(stream!, record.ContentType, record.FileName);
    }
}
