using DataIp.Data.Evidence;
using DataIp.Domain.Evidence;

namespace DataIp.Web.Features.Evidence;

/// <summary>
/// The evidence side of the lifecycle (issue M3, docs/examiner.md "Overlapping datasets"): puts a
/// submitted fingerprint's root into the public log, keeps its similarity sketch for overlap
/// search, reports overlapping datasets to examiners and tells earlier holders when an overlapping
/// application goes to public notice. Runs in the caller's context and transaction.
/// </summary>
public sealed class EvidenceService(RegistryDbContext db, EvidenceOptions options)
{
    /// <summary>States whose datasets are public record and so reported whatever the body (a revoked registration too: examiners want to see a dataset registered before and revoked).</summary>
    private static readonly ApplicationState[] PublicStates =
        [ApplicationState.PublicNotice, ApplicationState.ObjectionReview, ApplicationState.Registered, ApplicationState.Revoked];

    /// <summary>States of applications still pending, reported only to examiners of the same body.</summary>
    private static readonly ApplicationState[] PendingStates =
        [ApplicationState.Submitted, ApplicationState.FormalExamination, ApplicationState.CorrectionRequested, ApplicationState.SubstantiveExamination];

    /// <summary>
    /// At submission or resubmission: the fingerprint's algorithm, root and time become public
    /// particulars of the act (a root discloses nothing of the data, and logging it at once dates
    /// the evidence), and its sketch replaces any earlier one in the overlap index.
    /// </summary>
    /// <returns>The fingerprint's public particulars for the act, or null when the application has no fingerprint.</returns>
    public async Task<FingerprintParticulars?> RecordSubmissionAsync(ApplicationRecord application, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var index = new EvidenceIndex(db);
        var fingerprint = application.Content.Evidence?.Fingerprint;
        if (fingerprint is null)
        {
            await index.RemoveAsync(application.Id, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var particulars = new FingerprintParticulars(fingerprint.HashAlgorithm, fingerprint.Root, fingerprint.ComputedAt, fingerprint.Mode);
        var values = fingerprint.Sketch?.Values is { } text ? OverlapBands.DecodeValues(text) : null;
        if (values is null)
        {
            await index.RemoveAsync(application.Id, cancellationToken).ConfigureAwait(false);
            return particulars;
        }

        await index.IndexAsync(new EvidenceSketch
        {
            ApplicationId = application.Id,
            HashAlgorithm = JsonNaming.Camel(fingerprint.HashAlgorithm!.Value),
            Root = fingerprint.Root!,
            FeatureKind = fingerprint.Sketch!.Features!,
            FeatureCount = fingerprint.Sketch.FeatureCount ?? 0,
            Values = EvidenceIndex.WriteValues(values),
            IndexedAt = now,
        }, cancellationToken).ConfigureAwait(false);
        return particulars;
    }

    /// <summary>
    /// The datasets whose estimated similarity with the application's is at least the configured
    /// threshold, most similar first: public ones (in notice or registered) of any body, pending
    /// ones of the same body.
    /// </summary>
    public async Task<IReadOnlyList<EvidenceOverlap>> OverlapsAsync(ApplicationRecord application, bool registeredOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var own = await db.EvidenceSketches.AsNoTracking().SingleOrDefaultAsync(s => s.ApplicationId == application.Id, cancellationToken).ConfigureAwait(false);
        if (own is null)
        {
            return [];
        }

        var matches = await new EvidenceIndex(db).FindAsync(EvidenceIndex.ReadValues(own.Values), application.Id, options.OverlapThreshold, cancellationToken)
            .ConfigureAwait(false);
        var ids = matches.Select(m => m.ApplicationId).ToList();
        var applications = await db.Applications.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Where(a => registeredOnly
                ? a.State == ApplicationState.Registered
                : PublicStates.Contains(a.State) || (PendingStates.Contains(a.State) && a.BodyId == application.BodyId))
            .Select(a => new { a.Id, a.ApplicationNumber, a.RegistrationNumber, BodyCode = a.Body.Code, a.DataName, a.State, a.ApplicantId })
            .ToDictionaryAsync(a => a.Id, cancellationToken).ConfigureAwait(false);
        return [.. matches
            .Where(m => applications.ContainsKey(m.ApplicationId))
            .Select(m => (Match: m, Application: applications[m.ApplicationId]))
            .Select(r => new EvidenceOverlap(
                r.Application.Id, r.Application.ApplicationNumber, r.Application.RegistrationNumber, r.Application.BodyCode, r.Application.DataName,
                r.Application.State, r.Application.ApplicantId, r.Match.Root, r.Match.HashAlgorithm, r.Match.Similarity))
            .Take(options.OverlapLimit)];
    }

    /// <summary>
    /// When an application goes to public notice: every holder of a registered dataset it
    /// overlaps is told, with the notice's last day, so that they can object in time.
    /// </summary>
    public async Task NotifyEarlierHoldersAsync(ApplicationRecord application, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var overlaps = await OverlapsAsync(application, registeredOnly: true, cancellationToken).ConfigureAwait(false);
        var notifier = new Notifications.Notifier(db);
        foreach (var holder in overlaps.Where(o => o.ApplicantId != application.ApplicantId).GroupBy(o => o.ApplicantId))
        {
            var registrations = string.Join("; ", holder.Select(o => $"{o.RegistrationNumber} “{o.DataName}” (estimated similarity {o.Similarity:P0})"));
            await notifier.NotifyAsync(
                new Notifications.Notice(
                    [holder.Key],
                    "evidenceOverlap",
                    application.Id,
                    $"A new application overlaps your registered data: {application.ApplicationNumber} “{application.DataName}”",
                    $"Application {application.ApplicationNumber} “{application.DataName}” went to public notice on {now.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd}. "
                        + $"Its dataset fingerprint overlaps your registration(s) {registrations}. "
                        + $"If it claims rights in your data you may file an objection until the end of the notice period on {application.NoticeLastDay:yyyy-MM-dd}."),
                actId: null,
                now,
                cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>A dataset that overlaps the one examined.</summary>
public sealed record EvidenceOverlap(
    Guid ApplicationId, string? ApplicationNumber, string? RegistrationNumber, string BodyCode, string DataName,
    ApplicationState State, Guid ApplicantId, string Root, string HashAlgorithm, double Similarity);
