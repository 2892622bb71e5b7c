using DataIp.Data.Rights;
using DataIp.Domain.Registration;
using DataIp.Domain.Rights;
using DataIp.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Web.Features.Rights;

/// <summary>Licences.</summary>
public sealed partial class RightsService
{
    /// <summary>
    /// The holder records a licence. An exclusive or sole licence conflicts with any other licence
    /// of the same right and an overlapping term, and a non-exclusive one with an exclusive or sole
    /// one (<see cref="LicenceRules"/>); the registration's lock decides between simultaneous
    /// requests, and the losers are refused with 409 naming the licence they conflict with.
    /// </summary>
    public Task<ActOutcome> RecordLicenceAsync(string number, ActingParty party, LicenceRequest request, CancellationToken ct) =>
        ActAsync(number, party, LifecycleTrigger.RecordLicence, null, async (step, ct) =>
        {
            var app = step.Application;
            var (holders, holder) = await HoldersAsync(step, party, ct).ConfigureAwait(false);
            if (holder is null)
            {
                return NotHolder(app, "record a licence of it");
            }

            if (Validate(app, request) is { } invalid)
            {
                return invalid;
            }

            if (RequireSoleHolder(app, holders, "license it") is { } coHeld)
            {
                return coHeld;
            }

            if (request.LicenseeAccountId is { } licenseeAccount
                && !await db.Users.AnyAsync(a => a.Id == licenseeAccount, ct).ConfigureAwait(false))
            {
                return ActOutcome.InvalidField("licenseeAccountId", $"No account {licenseeAccount} exists.");
            }

            var terms = new LicenceTerms(request.Kind!.Value, [.. request.Rights!.Distinct()], request.StartsOn!.Value, request.EndsOn!.Value);
            var recorded = await db.Licences.Where(l => l.ApplicationId == app.Id).OrderBy(l => l.RecordedAt).ToListAsync(ct).ConfigureAwait(false);
            if (LicenceRules.FirstConflict(terms, recorded, Terms) is { } conflict)
            {
                return ActOutcome.Refused(StatusCodes.Status409Conflict, "Conflicting licence",
                    $"Licence {conflict.Number} ({JsonNaming.Camel(conflict.Kind)}, {conflict.Rights}, {conflict.StartsOn:yyyy-MM-dd} to {conflict.EndsOn:yyyy-MM-dd}, "
                    + $"licensee {conflict.LicenseeName}) already covers the same right and term; "
                    + (terms.Kind == LicenceKind.NonExclusive
                        ? "it excludes any further licence."
                        : $"an {JsonNaming.Camel(terms.Kind)} licence admits no other licence of the same right and term."),
                    new Dictionary<string, object?> { ["conflictingLicence"] = conflict.Number });
            }

            if (terms.Kind != LicenceKind.NonExclusive
                && await RequireConsentsAsync(step, ConsentPurpose.ExclusiveLicence, request.LicenseeName!.Trim(), $"an {JsonNaming.Camel(terms.Kind)} licence", ct).ConfigureAwait(false) is { } noConsent)
            {
                return noConsent;
            }

            var licence = new LicenceRecord
            {
                Id = Guid.CreateVersion7(),
                Number = await NextNumberAsync(app, 'L', ct).ConfigureAwait(false),
                ApplicationId = app.Id,
                LicenseeAccountId = request.LicenseeAccountId,
                LicenseeName = request.LicenseeName!.Trim(),
                LicenseeIdentifier = string.IsNullOrWhiteSpace(request.LicenseeIdentifier) ? null : request.LicenseeIdentifier.Trim(),
                Kind = terms.Kind,
                Rights = RightsText(terms.Rights),
                Scope = request.Scope!.Trim(),
                Territory = request.Territory!.Trim(),
                StartsOn = terms.StartsOn,
                EndsOn = terms.EndsOn,
                SubLicensing = request.SubLicensing ?? false,
                RecordedAt = step.Now,
            };
            db.Licences.Add(licence);
            step.ThenAfterSave((acts, _) =>
            {
                licence.ActId = acts[0].Act.Id;
                return Task.CompletedTask;
            });
            step.Payload["registrationNumber"] = app.RegistrationNumber;
            step.Payload["licence"] = LicencePayload(licence);
            step.Private["licenseeIdentifier"] = licence.LicenseeIdentifier;
            return null;
        }, ct);

    /// <summary>A licence as its act records it (public particulars).</summary>
    internal static Dictionary<string, object?> LicencePayload(LicenceRecord licence) => new()
    {
        ["number"] = licence.Number,
        ["licensee"] = licence.LicenseeName,
        ["kind"] = JsonNaming.Camel(licence.Kind),
        ["rights"] = RightsList(licence.Rights),
        ["scope"] = licence.Scope,
        ["territory"] = licence.Territory,
        ["startsOn"] = licence.StartsOn,
        ["endsOn"] = licence.EndsOn,
        ["subLicensing"] = licence.SubLicensing,
    };

    private static LicenceTerms Terms(LicenceRecord licence) => new(
        licence.Kind, [.. RightsList(licence.Rights).Select(r => Enum.Parse<DataRight>(r, ignoreCase: true))], licence.StartsOn, licence.EndsOn);

    private static ActOutcome? Validate(Data.Applications.ApplicationRecord app, LicenceRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.LicenseeName) || request.LicenseeName.Trim().Length > 200)
        {
            return ActOutcome.InvalidField("licenseeName", "Give the licensee's name (at most 200 characters).");
        }

        if (!string.IsNullOrWhiteSpace(request.LicenseeIdentifier)
            && Domain.Numbering.UnifiedSocialCreditCode.Validate(request.LicenseeIdentifier.Trim()).Error is { } notCode
            && Domain.Numbering.ResidentIdNumber.Validate(request.LicenseeIdentifier.Trim()).Error is not null)
        {
            return ActOutcome.InvalidField("licenseeIdentifier",
                $"'{request.LicenseeIdentifier}' is neither a unified social credit code nor a resident ID number: {notCode}");
        }

        if (request.Kind is null)
        {
            return ActOutcome.InvalidField("kind", "Give the kind of licence: exclusive, sole or nonExclusive.");
        }

        if (string.IsNullOrWhiteSpace(request.Scope) || request.Scope.Length > 1000)
        {
            return ActOutcome.InvalidField("scope", "Say what the licence allows (at most 1,000 characters).");
        }

        if (string.IsNullOrWhiteSpace(request.Territory) || request.Territory.Length > 200)
        {
            return ActOutcome.InvalidField("territory", "Give the territory (at most 200 characters), e.g. 中国大陆.");
        }

        return CheckRights(app, request.Rights, "licensed") ?? CheckTerm(app, request.StartsOn, request.EndsOn);
    }
}
