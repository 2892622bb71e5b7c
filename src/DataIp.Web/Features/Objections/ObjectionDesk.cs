namespace DataIp.Web.Features.Objections;

/// <summary>
/// Files an objection with its evidence, for the API and the notice's page alike: the files are
/// stored first, the act runs through the pipeline, and the files of an objection that is refused
/// (or fails) are deleted again, so that nothing half-recorded remains.
/// </summary>
public sealed class ObjectionDesk(RegistryDbContext db, ActPipeline acts, IAttachmentStore store)
{
    /// <summary>Most files one objection may carry.</summary>
    public const int MaxFiles = 5;

    /// <summary>Files <paramref name="filing"/> against the application under notice <paramref name="applicationNumber"/>.</summary>
    public async Task<ActOutcome> FileAsync(
        string applicationNumber, ObjectionFiling filing, IReadOnlyList<IFormFile> files, ActingParty party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        var id = await db.Applications.Where(a => a.ApplicationNumber == applicationNumber).Select(a => (Guid?)a.Id)
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (id is null)
        {
            return Refusal.NotFound(RefusalKey.WhatNotice, applicationNumber);
        }

        var stored = new List<StoredAttachment>();
        try
        {
            foreach (var file in files)
            {
                await using var stream = file.OpenReadStream();
                var saved = await store.SaveAsync(AttachmentKind.ObjectionEvidence, file.FileName, stream, ct).ConfigureAwait(false);
                if (saved.Refusal is { } refusal)
                {
                    return Refusal.Invalid("files", RefusalMessage.Attachment(refusal, file.FileName));
                }

                stored.Add(saved.Attachment!);
            }

            var outcome = await acts.RunAsync(id.Value, party, new FileObjection(filing, stored), filing.Grounds, ct).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                stored.Clear();
            }

            return outcome;
        }
        finally
        {
            foreach (var orphan in stored)
            {
                await store.DeleteAsync(orphan.Id, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
