using DataIp.Data.Rights;
using DataIp.Domain.Numbering;

namespace DataIp.Web.Features.Rights.Licences;

/// <summary>A licence to record.</summary>
/// <param name="LicenseeName">The licensee's name.</param>
/// <param name="LicenseeIdentifier">Its unified social credit code or ID number (private; digested in the log).</param>
/// <param name="LicenseeAccountId">Its account on the platform, if it has one: it is then told of acts on the registration.</param>
/// <param name="Kind">exclusive, sole or nonExclusive.</param>
/// <param name="Rights">The rights licensed, each held by the registration.</param>
/// <param name="Scope">What the licensee may do.</param>
/// <param name="Territory">Where.</param>
/// <param name="StartsOn">First day of the term.</param>
/// <param name="EndsOn">Last day of the term.</param>
/// <param name="SubLicensing">Whether sub-licensing is allowed.</param>
public sealed record LicenceRequest(
    string? LicenseeName, string? LicenseeIdentifier, Guid? LicenseeAccountId, LicenceKind? Kind, List<DataRight>? Rights,
    string? Scope, string? Territory, DateOnly? StartsOn, DateOnly? EndsOn, bool? SubLicensing);

/// <summary>
/// A holder records a licence. An exclusive or sole licence conflicts with any other licence of the
/// same right and an overlapping term, and a non-exclusive one with an exclusive or sole one
/// (<see cref="LicenceRules"/>, decided in the licence table); the registration's lock decides
/// between simultaneous requests, and the losers are refused naming the licence they conflict with.
/// </summary>
internal sealed class RecordLicence(LicenceRequest request) : IActUseCase
{
    public LifecycleTrigger Trigger => LifecycleTrigger.RecordLicence;

    public async Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        var app = context.Application;
        var (holders, _) = await Holders.OfAsync(context, cancellationToken).ConfigureAwait(false);
        if ((Validate(app, request) ?? Holders.RequireSole(app, holders, RefusalKey.PhraseLicenseIt)) is { } invalid)
        {
            return invalid;
        }

        if (request.LicenseeAccountId is { } licensee && !await context.Db.Users.AnyAsync(a => a.Id == licensee, cancellationToken).ConfigureAwait(false))
        {
            return Refusal.Invalid("licenseeAccountId", RefusalKey.NoSuchAccount, licensee);
        }

        var terms = new LicenceTerms(request.Kind!.Value, [.. request.Rights!.Distinct()], request.StartsOn!.Value, request.EndsOn!.Value);
        var recorded = await context.Db.Licences.Where(l => l.ApplicationId == app.Id).OrderBy(l => l.RecordedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        var conflict = LicenceRules.FirstConflict(terms, recorded, l => new LicenceTerms(l.Kind, RightsChecks.RightsList(l.Rights), l.StartsOn, l.EndsOn));
        if (context.Decide(RightsTables.Licences, null, new RightsContext { ConflictingLicence = conflict?.Number }) is { } refused)
        {
            return Conflicting(refused, conflict!, terms);
        }

        List<string>? consents = null;
        if (terms.Kind != LicenceKind.NonExclusive)
        {
            (consents, var noConsent) = await Consents.RequireAsync(
                context, ConsentPurpose.ExclusiveLicence, request.LicenseeName!.Trim(), new RefusalMessage(RefusalKey.PhraseLicenceOfKind, terms.Kind), cancellationToken).ConfigureAwait(false);
            if (noConsent is not null)
            {
                return noConsent;
            }
        }

        var licence = new LicenceRecord
        {
            Id = Guid.CreateVersion7(),
            Number = await RightsChecks.NextNumberAsync(context, 'L', cancellationToken).ConfigureAwait(false),
            ApplicationId = app.Id,
            LicenseeAccountId = request.LicenseeAccountId,
            LicenseeName = request.LicenseeName!.Trim(),
            LicenseeIdentifier = string.IsNullOrWhiteSpace(request.LicenseeIdentifier) ? null : request.LicenseeIdentifier.Trim(),
            Kind = terms.Kind,
            Rights = RightsChecks.RightsText(terms.Rights),
            Scope = request.Scope!.Trim(),
            Territory = request.Territory!.Trim(),
            StartsOn = terms.StartsOn,
            EndsOn = terms.EndsOn,
            SubLicensing = request.SubLicensing ?? false,
            RecordedAt = context.Now,
        };
        context.Db.Licences.Add(licence);
        context.ThenAfterSave((acts, _) =>
        {
            licence.ActId = acts[0].Act.Id;
            return Task.CompletedTask;
        });
        context.Record(new RecordLicenceAct { Licence = RightsParticulars.Of(licence), LicenseeIdentifier = licence.LicenseeIdentifier, Consents = consents });
        return null;
    }

    // The licence table's refusal, worded with the licence it conflicts with, whose number the caller gets as a member.
    private static Refusal Conflicting(Refusal refused, LicenceRecord conflict, LicenceTerms terms) =>
        refused.Code != RefusalCode.Conflict ? refused : Refusal.Conflict("Conflicting licence", RefusalKey.LicenceConflict,
            conflict.Number, conflict.Kind, new RefusalList(RefusalKey.ListStored, [.. RightsChecks.RightsList(conflict.Rights).Cast<object?>()]),
            conflict.StartsOn, conflict.EndsOn, conflict.LicenseeName,
            terms.Kind == LicenceKind.NonExclusive ? new RefusalMessage(RefusalKey.LicenceExcludesFurther) : new RefusalMessage(RefusalKey.LicenceAdmitsNoOther, terms.Kind))
        with
        { Extensions = new Dictionary<string, object?> { ["conflictingLicence"] = conflict.Number } };

    private static Refusal? Validate(Data.Applications.ApplicationRecord app, LicenceRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.LicenseeName) || request.LicenseeName.Trim().Length > 200)
        {
            return Refusal.Invalid("licenseeName", RefusalKey.LicenseeName);
        }

        if (!string.IsNullOrWhiteSpace(request.LicenseeIdentifier)
            && UnifiedSocialCreditCode.Validate(request.LicenseeIdentifier.Trim()).Error is { } notCode
            && ResidentIdNumber.Validate(request.LicenseeIdentifier.Trim()).Error is not null)
        {
            return Refusal.Invalid("licenseeIdentifier", RefusalKey.LicenseeIdentifier,
                request.LicenseeIdentifier, RefusalMessage.Worded(notCode, RefusalKey.IdentifierFormat));
        }

        return request.Kind is null ? Refusal.Invalid("kind", RefusalKey.LicenceKindMissing)
            : string.IsNullOrWhiteSpace(request.Scope) || request.Scope.Length > 1000 ? Refusal.Invalid("scope", RefusalKey.LicenceScope)
            : string.IsNullOrWhiteSpace(request.Territory) || request.Territory.Length > 200
                ? Refusal.Invalid("territory", RefusalKey.LicenceTerritory)
            : RightsChecks.Rights(app, request.Rights, RefusalKey.PhraseLicensed) ?? RightsChecks.Term(app, request.StartsOn, request.EndsOn);
    }
}
