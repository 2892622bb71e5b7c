namespace DataIp.Web.Features.Rights.Pledges;

/// <summary>A court order's particulars as typed or sent, before the use case checks them.</summary>
/// <param name="Number">The order's number (案号).</param>
/// <param name="CourtName">The court that made it.</param>
/// <param name="Date">The day it was made, <c>yyyy-MM-dd</c>.</param>
public sealed record CourtOrderParticulars(string? Number, string? CourtName, string? Date);

/// <summary>
/// Releases a registered pledge on a court order, for the API (multipart) and the registration's
/// page alike: the order is stored first, the release runs through the pipeline as
/// <see cref="ReleasePledge"/> (which decides who may and checks the order's number and the
/// reasons), and the file of a release that is refused (or fails) is deleted again, so that
/// nothing half-recorded remains.
/// </summary>
public sealed class CourtOrderRelease(ActPipeline acts, IAttachmentStore store)
{
    /// <summary>The form field of the order's file, as a refusal names it.</summary>
    public const string OrderField = "courtOrder";

    /// <summary>Releases pledge <paramref name="pledgeNumber"/> of <paramref name="registrationNumber"/> on the court order <paramref name="order"/> described by <paramref name="particulars"/>.</summary>
    public async Task<ActOutcome> ReleaseAsync(
        string registrationNumber, string pledgeNumber, CourtOrderParticulars particulars, IFormFile order, string? reason, ActingParty party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(particulars);
        ArgumentNullException.ThrowIfNull(order);
        StoredAttachment? unkept = null;
        try
        {
            await using (var stream = order.OpenReadStream())
            {
                var saved = await store.SaveAsync(AttachmentKind.CourtOrder, order.FileName, stream, ct).ConfigureAwait(false);
                if (saved.Refusal is { } refusal)
                {
                    return Refusal.Invalid(OrderField, RefusalMessage.Attachment(refusal, order.FileName));
                }

                unkept = saved.Attachment!;
            }

            var courtOrder = new CourtOrder((particulars.Number ?? "").Trim(), (particulars.CourtName ?? "").Trim(), (particulars.Date ?? "").Trim(), unkept);
            var outcome = await acts.RunOnRegistrationAsync(registrationNumber, party, new ReleasePledge(pledgeNumber, courtOrder), reason, ct).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                unkept = null;
            }

            return outcome;
        }
        finally
        {
            if (unkept is not null)
            {
                await store.DeleteAsync(unkept.Id, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
