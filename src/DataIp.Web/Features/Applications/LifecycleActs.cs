using System.Globalization;
using DataIp.Data.Applications;
using DataIp.Data.Certificates;
using DataIp.Data.Numbering;
using DataIp.Domain.Numbering;
using DataIp.Domain.Registration;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Web.Features.Applications;

/// <summary>The lifecycle acts of DOMAIN §4, each a trigger of the table plus its effect.</summary>
public sealed partial class LifecycleService
{
    /// <summary>The applicant submits: the content must be complete; the body's application number is assigned.</summary>
    public Task<ActOutcome> SubmitAsync(Guid id, ActingParty party, CancellationToken cancellationToken) =>
        ApplyAsync(id, party, LifecycleTrigger.Submit, null, async (step, ct) =>
        {
            if (ValidateForSubmission(step) is { } invalid)
            {
                return invalid;
            }

            if (await Accounts.OrganisationBinding.RefusalAsync(db, step.Application, ct).ConfigureAwait(false) is { } unbound)
            {
                return unbound;
            }

            var app = step.Application;
            var year = step.Today.Year;
            var serial = await SerialNumbers.NextAsync(db, $"application:{app.Body.Code}:{year}", ct).ConfigureAwait(false);
            app.ApplicationNumber = ApplicationNumber.Create(app.Body.Code, year, serial).Value;
            app.SubmittedAt = step.Now;
            step.Payload["applicationNumber"] = app.ApplicationNumber;
            AddObjectParticulars(step);
            step.Private["content"] = ContentJson(app);
            await evidence.RecordSubmissionAsync(app, step.Payload, step.Now, ct).ConfigureAwait(false);
            return null;
        }, cancellationToken);

    /// <summary>An examiner of the body takes up the application for formal examination.</summary>
    public Task<ActOutcome> StartExaminationAsync(Guid id, ActingParty party, CancellationToken cancellationToken) =>
        ApplyAsync(id, party, LifecycleTrigger.StartExamination, null, null, cancellationToken);

    /// <summary>An examiner asks for a correction; the deadline follows the body's policy and the calendar.</summary>
    public Task<ActOutcome> RequestCorrectionAsync(Guid id, ActingParty party, string? request, CancellationToken cancellationToken) =>
        ApplyAsync(id, party, LifecycleTrigger.RequestCorrection, request, async (step, ct) =>
        {
            if (string.IsNullOrWhiteSpace(request))
            {
                return ActOutcome.InvalidField("reason", "Say what the applicant must correct.");
            }

            var policy = step.Application.Body.Policy;
            var (end, refusal) = await PeriodAsync(step.Today, policy.CorrectionLength, policy.CorrectionUnit, "correction deadline", ct).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            step.Application.CorrectionRequest = request.Trim();
            step.Application.CorrectionLastDay = end.LastDay;
            step.Application.CorrectionDeadline = end.EndsAt;
            step.Payload["correctionLastDay"] = end.LastDay;
            return null;
        }, cancellationToken);

    /// <summary>The applicant answers a correction request before its deadline.</summary>
    public Task<ActOutcome> ResubmitAsync(Guid id, ActingParty party, string? note, CancellationToken cancellationToken) =>
        ApplyAsync(id, party, LifecycleTrigger.Resubmit, note, async (step, ct) =>
        {
            if (ValidateForSubmission(step) is { } invalid)
            {
                return invalid;
            }

            ClearCorrection(step.Application);
            AddObjectParticulars(step);
            step.Private["content"] = ContentJson(step.Application);
            await evidence.RecordSubmissionAsync(step.Application, step.Payload, step.Now, ct).ConfigureAwait(false);
            return null;
        }, cancellationToken);

    /// <summary>The correction deadline passed unanswered: the application is withdrawn (by the platform).</summary>
    public Task<ActOutcome> LapseCorrectionAsync(Guid id, CancellationToken cancellationToken) =>
        ApplyAsync(id, ActingParty.System, LifecycleTrigger.LapseCorrection, "The correction deadline passed without an answer.", (step, _) =>
        {
            step.Payload["correctionLastDay"] = step.Application.CorrectionLastDay;
            ClearCorrection(step.Application);
            step.Application.DecidedAt = step.Now;
            return Task.FromResult<ActOutcome?>(null);
        }, cancellationToken);

    /// <summary>The applicant withdraws the application.</summary>
    public Task<ActOutcome> WithdrawAsync(Guid id, ActingParty party, string? reason, CancellationToken cancellationToken) =>
        ApplyAsync(id, party, LifecycleTrigger.Withdraw, reason, (step, _) =>
        {
            step.Application.DecidedAt = step.Now;
            return Task.FromResult<ActOutcome?>(null);
        }, cancellationToken);

    /// <summary>
    /// An examiner passes the current examination (formal or substantive). When the next state is
    /// the public notice, its end is computed by the body's policy and the calendar.
    /// </summary>
    public async Task<ActOutcome> PassAsync(Guid id, ActingParty party, string? note, CancellationToken cancellationToken)
    {
        var state = await db.Applications.Where(a => a.Id == id).Select(a => (ApplicationState?)a.State)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var trigger = state == ApplicationState.SubstantiveExamination
            ? LifecycleTrigger.PassSubstantiveExamination
            : LifecycleTrigger.PassFormalExamination;
        return await ApplyAsync(id, party, trigger, note, async (step, ct) =>
        {
            if (step.Next != ApplicationState.PublicNotice)
            {
                return null;
            }

            var policy = step.Application.Body.Policy;
            var (end, refusal) = await PeriodAsync(step.Today, policy.NoticeLength, policy.NoticeUnit, "end of the public notice", ct).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            step.Application.NoticeStartedAt = step.Now;
            step.Application.NoticeLastDay = end.LastDay;
            step.Application.NoticeEndsAt = end.EndsAt;
            step.Payload["noticeLastDay"] = end.LastDay;
            AddObjectParticulars(step);
            step.Payload["rights"] = step.Application.Content.RightsClaimed.Select(r => r.Right).ToList();
            step.Private["content"] = ContentJson(step.Application);
            await evidence.NotifyEarlierHoldersAsync(step.Application, step.Now, ct).ConfigureAwait(false);
            return null;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An examiner refuses registration (不予登记) with reasons.</summary>
    public Task<ActOutcome> RejectAsync(Guid id, ActingParty party, string? reasons, CancellationToken cancellationToken) =>
        ApplyAsync(id, party, LifecycleTrigger.Reject, reasons, (step, _) => Task.FromResult(Decide(step, reasons, "A rejection")), cancellationToken);

    /// <summary>An examiner revokes a registration (撤销登记) with reasons, which are public.</summary>
    public Task<ActOutcome> RevokeAsync(Guid id, ActingParty party, string? reasons, CancellationToken cancellationToken) =>
        ApplyAsync(id, party, LifecycleTrigger.Revoke, reasons, async (step, ct) =>
        {
            if (Decide(step, reasons, "A revocation") is { } refusal)
            {
                return refusal;
            }

            await CloseOpenFilingsAsync(step, ct).ConfigureAwait(false);
            step.Payload["registrationNumber"] = step.Application.RegistrationNumber;
            step.Payload["certificateNumber"] = step.Application.CertificateNumber;
            return null;
        }, cancellationToken);

    /// <summary>
    /// The platform records the end of validity of a registration not renewed (from the day after
    /// its last day of validity, China time); its certificates read expired.
    /// </summary>
    public Task<ActOutcome> ExpireAsync(Guid id, CancellationToken cancellationToken) =>
        ApplyAsync(id, ActingParty.System, LifecycleTrigger.Expire, "Validity ended without renewal.", async (step, ct) =>
        {
            await CloseOpenFilingsAsync(step, ct).ConfigureAwait(false);
            step.Application.DecidedAt = step.Now;
            step.Payload["registrationNumber"] = step.Application.RegistrationNumber;
            step.Payload["validUntil"] = step.Application.ValidUntil;
            return null;
        }, cancellationToken);

    /// <summary>
    /// Registers the application when its notice period has ended with no open objection: the
    /// registration number, validity and the first certificate are issued in the same transaction.
    /// </summary>
    public Task<ActOutcome> RegisterAsync(Guid id, ActingParty party, CancellationToken cancellationToken) =>
        ApplyAsync(id, party, LifecycleTrigger.Register, null, async (step, ct) =>
        {
            var app = step.Application;
            var content = app.Content;
            var today = step.Today;
            var sequence = await SerialNumbers.NextAsync(db, $"registration:{today.Year}", ct).ConfigureAwait(false);
            var registrationNumber = RegistrationNumber.Create(
                today.Year,
                content.DataObject?.DataSourceType ?? DataSourceType.Other,
                content.Applicant?.RegistrantType ?? RegistrantType.Other,
                sequence);
            app.RegistrationNumber = registrationNumber.Value;
            app.RegistrationDate = today;
            app.ValidUntil = ValidUntil(today, app.Body.Policy.ValidityYears, content);
            app.DecidedAt = step.Now;

            step.Payload["registrationNumber"] = app.RegistrationNumber;
            step.Payload["registrationDate"] = today;
            step.Payload["validUntil"] = app.ValidUntil;
            step.Payload["holder"] = content.Applicant?.Name;
            step.Payload["rights"] = content.RightsClaimed.Select(r => r.Right).ToList();
            var holders = RecordFirstHolders(app);
            step.Payload["holders"] = HoldersPayload(holders);
            await IssueCertificateAsync(step, [.. holders.Select(h => h.Name)], ct).ConfigureAwait(false);
            return null;
        }, cancellationToken);

    /// <summary>
    /// An examiner re-issues the certificate of a registration (补发/换发: a lost or damaged
    /// certificate, a corrected print, a rotated signing key), with reasons: a new certificate
    /// number for the same registration number; the earlier certificate reads superseded.
    /// </summary>
    public Task<ActOutcome> ReissueCertificateAsync(Guid id, ActingParty party, string? reasons, CancellationToken cancellationToken) =>
        ApplyAsync(id, party, LifecycleTrigger.ReissueCertificate, reasons, async (step, ct) =>
        {
            if (string.IsNullOrWhiteSpace(reasons))
            {
                return ActOutcome.InvalidField("reason", "A re-issue must state its reasons.");
            }

            step.Payload["registrationNumber"] = step.Application.RegistrationNumber;
            step.Payload["supersedes"] = step.Application.CertificateNumber;
            await IssueCertificateAsync(step, await HolderNamesAsync(step.Application.Id, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            return null;
        }, cancellationToken);

    /// <summary>
    /// Issues a new certificate number for the step's registration (the first, or a replacement of
    /// the current one) with its <c>issueCertificate</c> act, and signs its
    /// credential once that act is saved: the credential names the act's log index and leaf hash,
    /// known only then, and is signed in the same transaction. The earlier certificate, if any,
    /// reads superseded from then on.
    /// </summary>
    /// <param name="step">The act's step.</param>
    /// <param name="holders">The holders' names as the certificate prints them (after the act).</param>
    /// <param name="ct">Cancellation.</param>
    internal async Task IssueCertificateAsync(ActStep step, IReadOnlyList<string> holders, CancellationToken ct)
    {
        var app = step.Application;
        string? supersedes = null;
        if (app.CertificateNumber is { } current)
        {
            var previous = await db.Certificates.SingleAsync(c => c.CertificateNumber == current, ct).ConfigureAwait(false);
            previous.Superseded = true;
            supersedes = current;
        }

        var today = step.Today;
        var serial = await SerialNumbers.NextAsync(db, $"certificate:{app.Body.Code}:{today.Year}", ct).ConfigureAwait(false);
        var certificateNumber = CertificateNumber.Create(today.Year, today.Month, app.Body.Code, serial).Value;
        app.CertificateNumber = certificateNumber;
        var certificate = new Certificate
        {
            CertificateNumber = certificateNumber,
            RegistrationNumber = app.RegistrationNumber!,
            ApplicationId = app.Id,
            IssuedAt = step.Now,
            Supersedes = supersedes,
        };
        db.Certificates.Add(certificate);
        step.FollowingActs.Add(("issueCertificate", new Dictionary<string, object?>
        {
            ["certificateNumber"] = certificateNumber,
            ["registrationNumber"] = app.RegistrationNumber,
            ["applicationNumber"] = app.ApplicationNumber,
            ["bodyCode"] = app.Body.Code,
            ["dataName"] = app.DataName,
            ["holder"] = string.Join("、", holders),
            ["validUntil"] = app.ValidUntil,
            ["supersedes"] = supersedes,
        }));
        step.Payload["certificateNumber"] = certificateNumber;
        step.ThenAfterSave((recorded, _) =>
        {
            var issuance = recorded.Single(r => r.Act.Type == "issueCertificate");
            certificates.Sign(certificate, app, issuance.Act.LogIndex, issuance.Entry.LeafHash, holders);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// When a registration ends (cancellation, expiry, revocation): filings never confirmed and
    /// transfers never accepted lapse with it. Registered pledges stay on record until released.
    /// </summary>
    internal async Task CloseOpenFilingsAsync(ActStep step, CancellationToken ct)
    {
        var id = step.Application.Id;
        foreach (var pledge in await db.Pledges.Where(p => p.ApplicationId == id && p.Status == Data.Rights.PledgeStatus.Filed).ToListAsync(ct).ConfigureAwait(false))
        {
            pledge.Status = Data.Rights.PledgeStatus.Withdrawn;
        }

        foreach (var transfer in await db.Transfers.Where(t => t.ApplicationId == id && t.Status == Data.Rights.TransferStatus.Proposed).ToListAsync(ct).ConfigureAwait(false))
        {
            transfer.Status = Data.Rights.TransferStatus.Declined;
            transfer.DecidedAt = step.Now;
        }
    }

    /// <summary>
    /// The first holders, recorded with the registration: the applicant (with its account) and any
    /// co-applicants, in equal shares (the first takes what does not divide evenly).
    /// </summary>
    internal List<Data.Rights.RightHolder> RecordFirstHolders(ApplicationRecord app)
    {
        var applicant = app.Content.Applicant;
        var named = new List<(Guid? Account, string Name, string? Identifier)>
        {
            (app.ApplicantId, applicant?.Name?.Trim() ?? "", applicant?.CreditCode ?? applicant?.IdNumber),
        };
        named.AddRange((applicant?.CoApplicants ?? []).Where(c => !string.IsNullOrWhiteSpace(c.Name))
            .Select(c => ((Guid?)null, c.Name!.Trim(), c.CreditCode ?? c.IdNumber)));
        var each = Data.Rights.RightHolder.Whole / named.Count;
        var holders = named.Select((h, i) => new Data.Rights.RightHolder
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = app.Id,
            AccountId = h.Account,
            Name = h.Name,
            Identifier = h.Identifier,
            Share = i == 0 ? Data.Rights.RightHolder.Whole - (each * (named.Count - 1)) : each,
            Position = i,
        }).ToList();
        db.RightHolders.AddRange(holders);
        return holders;
    }

    /// <summary>The holders as an act records them (public: name and share in basis points).</summary>
    internal static List<Dictionary<string, object?>> HoldersPayload(IEnumerable<Data.Rights.RightHolder> holders) =>
        [.. holders.OrderBy(h => h.Position).Select(h => new Dictionary<string, object?> { ["name"] = h.Name, ["share"] = h.Share })];

    /// <summary>The current holders' names in order, as a certificate prints them.</summary>
    internal async Task<IReadOnlyList<string>> HolderNamesAsync(Guid applicationId, CancellationToken ct)
    {
        var names = await db.RightHolders.Where(h => h.ApplicationId == applicationId).OrderBy(h => h.Position).Select(h => h.Name)
            .ToListAsync(ct).ConfigureAwait(false);
        if (names.Count > 0)
        {
            return names;
        }

        // Registered before holders were recorded (before M5): the application's applicants.
        var content = await db.Applications.Where(a => a.Id == applicationId).Select(a => a.Content).SingleAsync(ct).ConfigureAwait(false);
        return Certificates.CertificateIssuer.Holders(content);
    }

    /// <summary>
    /// A decision with reasons (rejection, revocation): refused without reasons, otherwise the
    /// reasons and the time are recorded on the application.
    /// </summary>
    private static ActOutcome? Decide(ActStep step, string? reasons, string what)
    {
        if (string.IsNullOrWhiteSpace(reasons))
        {
            return ActOutcome.InvalidField("reason", $"{what} must state its reasons.");
        }

        step.Application.DecisionReasons = reasons.Trim();
        step.Application.DecidedAt = step.Now;
        return null;
    }

    /// <summary>
    /// Validity: the body's years from the registration announcement (the day before the same
    /// date N years on), or the earliest end of an agreement the rights rest on, if sooner
    /// (Beijing Art. 13).
    /// </summary>
    internal static DateOnly ValidUntil(DateOnly registrationDate, int validityYears, ApplicationContent content)
    {
        var byPolicy = registrationDate.AddYears(validityYears).AddDays(-1);
        var agreementEnds = content.RightsClaimed.Where(r => r.AgreementEndDate is not null).Select(r => r.AgreementEndDate!.Value).ToList();
        return agreementEnds.Count > 0 && agreementEnds.Min() < byPolicy ? agreementEnds.Min() : byPolicy;
    }

    private static ActOutcome? ValidateForSubmission(ActStep step)
    {
        var errors = ApplicationContentValidator.Validate(step.Application.Content, ValidationMode.Submission, ValidationOptions(step.Today));
        return errors.Count == 0
            ? null
            : ActOutcome.Invalid(
                errors.ToDictionary(e => "content." + e.Key, e => e.Value),
                string.Create(CultureInfo.InvariantCulture, $"The application is not complete: {errors.Count} field(s) need attention before it can be submitted."));
    }

    private static void AddObjectParticulars(ActStep step)
    {
        var content = step.Application.Content;
        step.Payload["holder"] = content.Applicant?.Name;
        step.Payload["industryCode"] = content.DataObject?.IndustryCode;
        step.Payload["dataSourceType"] = content.DataObject?.DataSourceType;
    }

    /// <summary>The full content as JSON (for the private digest that proves what was filed).</summary>
    internal static System.Text.Json.Nodes.JsonNode? ContentJson(ApplicationRecord application) =>
        System.Text.Json.JsonSerializer.SerializeToNode(application.Content, ApplicationContentJson.Options);

    private static void ClearCorrection(ApplicationRecord application)
    {
        application.CorrectionRequest = null;
        application.CorrectionLastDay = null;
        application.CorrectionDeadline = null;
    }
}
