using DataIp.Domain.Calendar;
using DataIp.Web.Features.Notifications;

namespace DataIp.Web.Features.Applications;

/// <summary>
/// The applicant's working copy: create a draft, replace its content (as a draft or while a
/// correction is requested), attach files, hand it to a colleague. Each is an act stored with the
/// change.
/// </summary>
public sealed class DraftService(RegistryDbContext db, TimeProvider clock, IAttachmentStore store, Notifier notifier)
{
    /// <summary>The field a hand-over's refusal names.</summary>
    public const string ColleagueField = "colleagueEmail";

    /// <summary>Creates a draft with the given body and (possibly partial) content.</summary>
    public async Task<ActOutcome> CreateAsync(ActingParty party, string? bodyCode, ApplicationContent? content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(party);
        var body = string.IsNullOrWhiteSpace(bodyCode) ? null
            : await db.Bodies.SingleOrDefaultAsync(b => b.Code == bodyCode, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Refusal.Invalid("bodyCode", RefusalKey.BodyCodeUnknown, bodyCode);
        }

        content ??= new ApplicationContent();
        await using var transaction = await ActTransaction.BeginAsync(db, clock, cancellationToken).ConfigureAwait(false);
        var now = transaction.Now;
        if (Validate(content, now) is { } invalid)
        {
            return invalid;
        }

        var application = new ApplicationRecord
        {
            Id = Guid.NewGuid(),
            BodyId = body.Id,
            Body = body,
            ApplicantId = party.AccountId!.Value,
            State = ApplicationState.Draft,
            CreatedAt = now,
        };
        application.SetContent(content);
        db.Applications.Add(application);
        // A draft is the applicant's own: the log shows only that one was made, and for which body.
        var act = await ActWriter.AppendAsync(db, party.Actor, new CreateDraftAct { BodyCode = body.Code, DataName = application.DataName, Content = content },
            application.Id, now, null, noticeStarted: false, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ActOutcome.Done(application, act.Act);
    }

    /// <summary>Replaces the content of a draft, or of an application whose correction is requested.</summary>
    public async Task<ActOutcome> UpdateContentAsync(Guid id, ActingParty party, ApplicationContent? content, int? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(party);
        if (content is null)
        {
            return Refusal.Invalid("content", RefusalKey.ContentMissing);
        }

        await using var transaction = await ActTransaction.BeginAsync(db, clock, cancellationToken).ConfigureAwait(false);
        var application = await LoadEditableAsync(id, party, cancellationToken).ConfigureAwait(false);
        if (application.Outcome is not null)
        {
            return application.Outcome;
        }

        var app = application.Record!;
        if (expectedVersion is { } v && v != app.Version)
        {
            return Refusal.Conflict("Conflict", RefusalKey.VersionConflict, app.Version, v);
        }

        var now = transaction.Now;
        if (Validate(content, now) is { } invalid)
        {
            return invalid;
        }

        app.SetContent(content);
        app.Version++;
        var act = await ActWriter.AppendAsync(db, party.Actor,
            new UpdateContentAct { ApplicationNumber = app.ApplicationNumber, BodyCode = app.Body.Code, DataName = app.DataName, Content = content },
            app.Id, now, null, noticeStarted: false, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ActOutcome.Done(app, act.Act);
    }

    /// <summary>Stores an attachment of the applicant's draft (or correction) and records it.</summary>
    public async Task<(ActOutcome Outcome, AttachmentRecord? Attachment)> AttachAsync(
        Guid id, ActingParty party, AttachmentKind kind, string fileName, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(party);
        await using var transaction = await ActTransaction.BeginAsync(db, clock, cancellationToken).ConfigureAwait(false);
        var application = await LoadEditableAsync(id, party, cancellationToken).ConfigureAwait(false);
        if (application.Outcome is not null)
        {
            return (application.Outcome, null);
        }

        var saved = await store.SaveAsync(kind, fileName, content, cancellationToken).ConfigureAwait(false);
        if (saved.Refusal is { } refusal)
        {
            return (Refusal.Invalid(refusal.Field, RefusalMessage.Attachment(refusal)), null);
        }

        var stored = saved.Attachment!;
        var app = application.Record!;
        var now = transaction.Now;
        var record = new AttachmentRecord
        {
            Id = stored.Id,
            ApplicationId = app.Id,
            Kind = kind,
            FileName = stored.FileName,
            ContentType = stored.ContentType,
            Length = stored.Length,
            Sha256 = stored.Sha256Hex,
            UploadedById = party.AccountId,
            UploadedAt = now,
        };
        db.Attachments.Add(record);
        try
        {
            var act = await ActWriter.AppendAsync(db, party.Actor,
                new AddAttachmentAct { ApplicationNumber = app.ApplicationNumber, AttachmentId = stored.Id, Kind = kind, Length = stored.Length, Sha256 = stored.Sha256Hex },
                app.Id, now, null, noticeStarted: false, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (ActOutcome.Done(app, act.Act), record);
        }
        catch
        {
            // The metadata did not commit: remove the bytes so no orphan remains.
            await store.DeleteAsync(stored.Id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Hands a draft, or an application that owes a correction, to a colleague: another applicant
    /// account verified for the same organisation (the same credit code) as the applicant's own
    /// verified account. The colleague is its applicant from then on, is told so, and the giver no
    /// longer sees it. Whether an e-mail address has an account is not disclosed: every colleague
    /// that does not qualify gets the same answer.
    /// </summary>
    public async Task<ActOutcome> HandOverAsync(Guid id, ActingParty party, string? colleagueEmail, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(party);
        var email = colleagueEmail?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return Refusal.Invalid(ColleagueField, RefusalKey.ColleagueEmailMissing);
        }

        await using var transaction = await ActTransaction.BeginAsync(db, clock, cancellationToken).ConfigureAwait(false);
        var application = await LoadEditableAsync(id, party, cancellationToken).ConfigureAwait(false);
        if (application.Outcome is not null)
        {
            return application.Outcome;
        }

        var app = application.Record!;
        var giver = await db.Users.AsNoTracking().Where(a => a.Id == app.ApplicantId)
            .Select(a => new { a.Identifier, a.IdentityVerification }).SingleAsync(cancellationToken).ConfigureAwait(false);
        if (giver.IdentityVerification != IdentityVerification.Verified || string.IsNullOrEmpty(giver.Identifier))
        {
            return new Refusal(RefusalCode.NotPermitted, "Organisation binding not verified", new(RefusalKey.HandOverNotVerified));
        }

        var normalized = email.ToUpperInvariant();
        var colleague = await db.Users.AsNoTracking()
            .Where(a => a.NormalizedEmail == normalized && a.Role == AccountRole.Applicant && a.Id != app.ApplicantId
                && a.IdentityVerification == IdentityVerification.Verified && a.Identifier == giver.Identifier)
            .Select(a => new { a.Id, a.DisplayName, DisabledUntil = a.LockoutEnabled ? a.LockoutEnd : null })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var now = transaction.Now;
        if (colleague is null || colleague.DisabledUntil > now)
        {
            return Refusal.Invalid(ColleagueField, RefusalKey.NoColleague);
        }

        var from = app.ApplicantId;
        app.ApplicantId = colleague.Id;
        app.Version++;
        var act = await ActWriter.AppendAsync(db, party.Actor,
            new HandOverApplicationAct { ApplicationNumber = app.ApplicationNumber, BodyCode = app.Body.Code, FromAccountId = from, ToAccountId = colleague.Id, ToName = colleague.DisplayName },
            app.Id, now, reason, noticeStarted: false, cancellationToken).ConfigureAwait(false);
        var name = string.IsNullOrEmpty(app.DataName) ? "an untitled application" : app.DataName;
        await notifier.NotifyAsync(new Notice([colleague.Id], ActTypes.HandOverApplication, app.Id, $"An application was handed to you: {name}",
            $"{party.Actor.Name} handed you the application {name} ({app.State}). You are its applicant from now on."), act.Act.Id, now, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ActOutcome.Done(app, act.Act);
    }

    private async Task<(ApplicationRecord? Record, Refusal? Outcome)> LoadEditableAsync(Guid id, ActingParty party, CancellationToken cancellationToken)
    {
        var app = await db.Applications.Include(a => a.Body).SingleOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (app is null || ApplicationAccess.ReaderOf(party, app) != Disclosure.Parties)
        {
            return (null, Refusal.NotFound(RefusalKey.WhatApplication));
        }

        return app.State is ApplicationState.Draft or ApplicationState.CorrectionRequested
            ? (app, null)
            : (null, Refusal.Conflict("Not allowed in the application's current state", RefusalKey.ContentNotEditable, app.State));
    }

    private static Refusal? Validate(ApplicationContent content, DateTimeOffset now)
    {
        var problems = ApplicationContentValidator.Problems(content, ValidationMode.Draft, Submission.ValidationOptions(ChinaTime.ToChinaDate(now)));
        return problems.Count == 0 ? null : Refusal.Invalid(Submission.ContentErrors(problems));
    }
}
