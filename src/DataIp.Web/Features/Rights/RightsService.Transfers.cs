using DataIp.Domain.Rights;
using System.Text.Json;
using DataIp.Data.Accounts;
using DataIp.Data.Rights;
using DataIp.Domain.Registration;
using DataIp.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Web.Features.Rights;

/// <summary>Transfers, changes of particulars, renewal and cancellation.</summary>
public sealed partial class RightsService
{
    /// <summary>A holder offers its share, or part of it, to another applicant account.</summary>
    public Task<ActOutcome> ProposeTransferAsync(string number, ActingParty party, TransferRequest request, CancellationToken ct) =>
        ActAsync(number, party, LifecycleTrigger.ProposeTransfer, request.Reason, async (step, ct) =>
        {
            var app = step.Application;
            var (_, holder) = await HoldersAsync(step, party, ct).ConfigureAwait(false);
            if (holder is null)
            {
                return NotHolder(app, "transfer it");
            }

            var (transferee, refusal) = await AccountAsync(request.TransfereeAccountId, "transfereeAccountId", AccountRole.Applicant, "transferee", ct).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            if (transferee!.Id == holder.AccountId)
            {
                return ActOutcome.InvalidField("transfereeAccountId", "A holder cannot transfer to itself.");
            }

            var share = request.Share ?? holder.Share;
            if (share < 1 || share > holder.Share)
            {
                return ActOutcome.InvalidField("share", $"The share is in basis points of the whole: from 1 to your share, {holder.Share} ({holder.Share / 100m:0.##}%).");
            }

            var transfer = new TransferRecord
            {
                Id = Guid.CreateVersion7(),
                Number = await NextNumberAsync(app, 'T', ct).ConfigureAwait(false),
                ApplicationId = app.Id,
                FromAccountId = holder.AccountId!.Value,
                FromName = holder.Name,
                ToAccountId = transferee.Id,
                ToName = transferee.DisplayName,
                Share = share,
                Status = TransferStatus.Proposed,
                ProposedAt = step.Now,
            };
            db.Transfers.Add(transfer);
            step.Payload["registrationNumber"] = app.RegistrationNumber;
            step.Payload["transfer"] = TransferPayload(transfer);
            return null;
        }, ct);

    /// <summary>
    /// The transferee accepts: with every active pledgee's consent the share moves, and a new
    /// certificate names the holders after it. The transferring holder must still hold the share.
    /// </summary>
    public Task<ActOutcome> AcceptTransferAsync(string number, string transferNumber, ActingParty party, CancellationToken ct) =>
        ActAsync(number, party, LifecycleTrigger.AcceptTransfer, null, async (step, ct) =>
        {
            var app = step.Application;
            if (await db.Transfers.SingleOrDefaultAsync(t => t.ApplicationId == app.Id && t.Number == transferNumber, ct).ConfigureAwait(false) is not { } transfer)
            {
                return TransferNotFound(app, transferNumber);
            }

            if (party.AccountId != transfer.ToAccountId)
            {
                return ActOutcome.Refused(StatusCodes.Status403Forbidden, "Not permitted", $"Only the transferee ({transfer.ToName}) may accept transfer {transfer.Number}.");
            }

            if (transfer.Status != TransferStatus.Proposed)
            {
                return ActOutcome.Refused(StatusCodes.Status409Conflict, "Not open", $"Transfer {transfer.Number} is {JsonNaming.Camel(transfer.Status)}.");
            }

            var (holders, _) = await HoldersAsync(step, party, ct).ConfigureAwait(false);
            var from = holders.FirstOrDefault(h => h.AccountId == transfer.FromAccountId);
            if (from is null || from.Share < transfer.Share)
            {
                return ActOutcome.Refused(StatusCodes.Status409Conflict, "Share no longer held",
                    $"{transfer.FromName} no longer holds the share offered in transfer {transfer.Number}.");
            }

            if (await RequireConsentsAsync(step, ConsentPurpose.Transfer, transfer.Number, $"transfer {transfer.Number}", ct).ConfigureAwait(false) is { } noConsent)
            {
                return noConsent;
            }

            from.Share -= transfer.Share;
            var to = holders.FirstOrDefault(h => h.AccountId == transfer.ToAccountId);
            if (to is null)
            {
                var account = await db.Users.AsNoTracking().SingleAsync(a => a.Id == transfer.ToAccountId, ct).ConfigureAwait(false);
                to = new RightHolder
                {
                    Id = Guid.CreateVersion7(),
                    ApplicationId = app.Id,
                    AccountId = account.Id,
                    Name = account.DisplayName,
                    Identifier = account.Identifier,
                    Position = holders.Max(h => h.Position) + 1,
                };
                db.RightHolders.Add(to);
                holders.Add(to);
            }

            to.Share += transfer.Share;
            if (from.Share == 0)
            {
                db.RightHolders.Remove(from);
                holders.Remove(from);
                // The transferee takes the place of a holder who leaves.
                to.Position = Math.Min(to.Position, from.Position);
            }

            transfer.Status = TransferStatus.Accepted;
            transfer.DecidedAt = step.Now;
            // The transferring holder may hold nothing after the act, so it is told here.
            step.Notices.Add(new Notifications.Notice(
                [transfer.FromAccountId], "acceptTransfer", app.Id, $"Transfer {transfer.Number} of registration {app.RegistrationNumber} took effect",
                $"{transfer.ToName} accepted transfer {transfer.Number}: {transfer.Share / 100m:0.##}% of registration {app.RegistrationNumber} “{app.DataName}” "
                + $"passed from {transfer.FromName} on {step.Today:yyyy-MM-dd}; a new certificate names the holders."));
            step.Payload["registrationNumber"] = app.RegistrationNumber;
            step.Payload["transfer"] = TransferPayload(transfer);
            step.Payload["holders"] = LifecycleService.HoldersPayload(holders);
            await lifecycle.IssueCertificateAsync(step, [.. holders.OrderBy(h => h.Position).Select(h => h.Name)], ct).ConfigureAwait(false);
            return null;
        }, ct);

    /// <summary>The transferee declines, or the offering holder withdraws, an open transfer.</summary>
    public Task<ActOutcome> DeclineTransferAsync(string number, string transferNumber, ActingParty party, string? reason, CancellationToken ct) =>
        ActAsync(number, party, LifecycleTrigger.DeclineTransfer, reason, async (step, ct) =>
        {
            var app = step.Application;
            if (await db.Transfers.SingleOrDefaultAsync(t => t.ApplicationId == app.Id && t.Number == transferNumber, ct).ConfigureAwait(false) is not { } transfer)
            {
                return TransferNotFound(app, transferNumber);
            }

            if (party.AccountId != transfer.ToAccountId && party.AccountId != transfer.FromAccountId)
            {
                return ActOutcome.Refused(StatusCodes.Status403Forbidden, "Not permitted", $"Only the transferee or the offering holder may decline transfer {transfer.Number}.");
            }

            if (transfer.Status != TransferStatus.Proposed)
            {
                return ActOutcome.Refused(StatusCodes.Status409Conflict, "Not open", $"Transfer {transfer.Number} is {JsonNaming.Camel(transfer.Status)}.");
            }

            transfer.Status = TransferStatus.Declined;
            transfer.DecidedAt = step.Now;
            step.Payload["registrationNumber"] = app.RegistrationNumber;
            step.Payload["transfer"] = TransferPayload(transfer);
            return null;
        }, ct);

    private static ActOutcome TransferNotFound(Data.Applications.ApplicationRecord app, string transferNumber) =>
        ActOutcome.Refused(StatusCodes.Status404NotFound, "Not found", $"Registration {app.RegistrationNumber} has no transfer {transferNumber}.");

    /// <summary>A transfer as its acts record it.</summary>
    internal static Dictionary<string, object?> TransferPayload(TransferRecord transfer) => new()
    {
        ["number"] = transfer.Number,
        ["from"] = transfer.FromName,
        ["to"] = transfer.ToName,
        ["share"] = transfer.Share,
        ["status"] = JsonNaming.Camel(transfer.Status),
    };

    /// <summary>A holder asks to change particulars; an examiner of the body decides.</summary>
    public Task<ActOutcome> RequestChangeAsync(string number, ActingParty party, ChangeParticularsRequest request, CancellationToken ct) =>
        ActAsync(number, party, LifecycleTrigger.RequestChange, request.Reason, async (step, ct) =>
        {
            var app = step.Application;
            var (_, holder) = await HoldersAsync(step, party, ct).ConfigureAwait(false);
            if (holder is null)
            {
                return NotHolder(app, "ask to change its particulars");
            }

            var changes = new Dictionary<string, object?>();
            if (request.DataName is not null)
            {
                if (string.IsNullOrWhiteSpace(request.DataName) || request.DataName.Trim().Length > 200)
                {
                    return ActOutcome.InvalidField("dataName", "The data name has 1 to 200 characters.");
                }

                changes["dataName"] = request.DataName.Trim();
            }

            if (request.ApplicationScenarios is not null)
            {
                var scenarios = request.ApplicationScenarios.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
                if (scenarios.Count == 0 || scenarios.Count > 20 || scenarios.Any(s => s.Length > 200))
                {
                    return ActOutcome.InvalidField("applicationScenarios", "Give 1 to 20 application scenarios of at most 200 characters each.");
                }

                changes["applicationScenarios"] = scenarios;
            }

            if (request.UpdateFrequency is { } frequency)
            {
                changes["updateFrequency"] = JsonNaming.Camel(frequency);
            }

            if (request.HolderName is not null)
            {
                if (string.IsNullOrWhiteSpace(request.HolderName) || request.HolderName.Trim().Length > 200)
                {
                    return ActOutcome.InvalidField("holderName", "The holder's name has 1 to 200 characters.");
                }

                changes["holderName"] = request.HolderName.Trim();
            }

            if (changes.Count == 0)
            {
                return ActOutcome.InvalidField("dataName", "Name at least one particular to change: dataName, applicationScenarios, updateFrequency or holderName.");
            }

            if (await db.ChangeRequests.AnyAsync(c => c.ApplicationId == app.Id && c.Status == ChangeStatus.Pending, ct).ConfigureAwait(false))
            {
                return ActOutcome.Refused(StatusCodes.Status409Conflict, "Change pending", $"Registration {app.RegistrationNumber} already has a change request waiting for an examiner.");
            }

            var change = new ChangeRequestRecord
            {
                Id = Guid.CreateVersion7(),
                ApplicationId = app.Id,
                RequestedById = party.AccountId!.Value,
                Changes = JsonSerializer.Serialize(changes, ActRecorder.PayloadJson),
                Status = ChangeStatus.Pending,
                RequestedAt = step.Now,
            };
            db.ChangeRequests.Add(change);
            step.Payload["registrationNumber"] = app.RegistrationNumber;
            step.Payload["changeId"] = change.Id;
            step.Payload["changes"] = changes;
            return null;
        }, ct);

    /// <summary>An examiner of the body approves a change: it is recorded and a new certificate issued.</summary>
    public Task<ActOutcome> ApproveChangeAsync(string number, Guid changeId, ActingParty party, string? note, CancellationToken ct) =>
        ActAsync(number, party, LifecycleTrigger.ApproveChange, note, async (step, ct) =>
        {
            var app = step.Application;
            var (change, refusal) = await PendingChangeAsync(step, party, changeId, ct).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            var (holders, _) = await HoldersAsync(step, party, ct).ConfigureAwait(false);
            using var changes = JsonDocument.Parse(change!.Changes);
            var root = changes.RootElement;
            var content = app.Content;
            var dataObject = content.DataObject ?? new DataObjectParticulars();
            if (root.TryGetProperty("dataName", out var name))
            {
                app.DataName = name.GetString()!;
                dataObject = dataObject with { DataName = app.DataName };
            }

            if (root.TryGetProperty("applicationScenarios", out var scenarios))
            {
                dataObject = dataObject with { ApplicationScenarios = [.. scenarios.EnumerateArray().Select(s => s.GetString()!)] };
            }

            if (root.TryGetProperty("updateFrequency", out var frequency))
            {
                dataObject = dataObject with { UpdateFrequency = Enum.Parse<UpdateFrequency>(frequency.GetString()!, ignoreCase: true) };
            }

            app.Content = content with { DataObject = dataObject };
            if (root.TryGetProperty("holderName", out var holderName) && holders.FirstOrDefault(h => h.AccountId == change.RequestedById) is { } renamed)
            {
                renamed.Name = holderName.GetString()!;
            }

            change.Status = ChangeStatus.Approved;
            change.DecidedAt = step.Now;
            step.Payload["registrationNumber"] = app.RegistrationNumber;
            step.Payload["changeId"] = change.Id;
            step.Payload["changes"] = JsonSerializer.Deserialize<Dictionary<string, object?>>(change.Changes);
            step.Payload["dataName"] = app.DataName;
            step.Payload["holders"] = LifecycleService.HoldersPayload(holders);
            await lifecycle.IssueCertificateAsync(step, [.. holders.OrderBy(h => h.Position).Select(h => h.Name)], ct).ConfigureAwait(false);
            return null;
        }, ct);

    /// <summary>An examiner of the body refuses a change, with reasons.</summary>
    public Task<ActOutcome> RefuseChangeAsync(string number, Guid changeId, ActingParty party, string? reasons, CancellationToken ct) =>
        ActAsync(number, party, LifecycleTrigger.RefuseChange, reasons, async (step, ct) =>
        {
            var (change, refusal) = await PendingChangeAsync(step, party, changeId, ct).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            if (string.IsNullOrWhiteSpace(reasons))
            {
                return ActOutcome.InvalidField("reason", "A refusal must state its reasons.");
            }

            change!.Status = ChangeStatus.Refused;
            change.DecidedAt = step.Now;
            change.Reasons = reasons.Trim();
            step.Payload["registrationNumber"] = step.Application.RegistrationNumber;
            step.Payload["changeId"] = change.Id;
            return null;
        }, ct);

    private async Task<(ChangeRequestRecord? Change, ActOutcome? Refusal)> PendingChangeAsync(
        LifecycleService.ActStep step, ActingParty party, Guid changeId, CancellationToken ct)
    {
        if (party.BodyId != step.Application.BodyId)
        {
            return (null, ActOutcome.Refused(StatusCodes.Status403Forbidden, "Not permitted", "Only an examiner of the registration's body may decide a change."));
        }

        var change = await db.ChangeRequests.SingleOrDefaultAsync(c => c.Id == changeId && c.ApplicationId == step.Application.Id, ct).ConfigureAwait(false);
        return change is null
            ? (null, ActOutcome.Refused(StatusCodes.Status404NotFound, "Not found", $"Registration {step.Application.RegistrationNumber} has no change request {changeId}."))
            : change.Status != ChangeStatus.Pending
                ? (null, ActOutcome.Refused(StatusCodes.Status409Conflict, "Already decided", $"Change request {changeId} is {JsonNaming.Camel(change.Status)}."))
                : (change, null);
    }

    /// <summary>
    /// A holder renews within the renewal window: validity runs on for the body's period from the
    /// day after the current last day (no further than the end of an agreement the rights rest
    /// on), and a new certificate is issued.
    /// </summary>
    public Task<ActOutcome> RenewAsync(string number, ActingParty party, CancellationToken ct) =>
        ActAsync(number, party, LifecycleTrigger.Renew, null, async (step, ct) =>
        {
            var app = step.Application;
            var (holders, holder) = await HoldersAsync(step, party, ct).ConfigureAwait(false);
            if (holder is null)
            {
                return NotHolder(app, "renew it");
            }

            var current = app.ValidUntil!.Value;
            var next = LifecycleService.ValidUntil(current.AddDays(1), app.Body.Policy.ValidityYears, app.Content);
            if (next <= current)
            {
                return ActOutcome.Refused(StatusCodes.Status409Conflict, "Cannot extend",
                    $"The rights of registration {app.RegistrationNumber} rest on an agreement that ends on {next:yyyy-MM-dd}; renewal cannot extend validity beyond it.");
            }

            app.ValidUntil = next;
            step.Payload["registrationNumber"] = app.RegistrationNumber;
            step.Payload["previousValidUntil"] = current;
            step.Payload["validUntil"] = next;
            await lifecycle.IssueCertificateAsync(step, [.. holders.OrderBy(h => h.Position).Select(h => h.Name)], ct).ConfigureAwait(false);
            return null;
        }, ct);

    /// <summary>The holder cancels the registration (注销), with every active pledgee's consent.</summary>
    public Task<ActOutcome> CancelAsync(string number, ActingParty party, string? reason, CancellationToken ct) =>
        ActAsync(number, party, LifecycleTrigger.Cancel, reason, async (step, ct) =>
        {
            var app = step.Application;
            var (holders, holder) = await HoldersAsync(step, party, ct).ConfigureAwait(false);
            if (holder is null)
            {
                return NotHolder(app, "cancel it");
            }

            if (RequireSoleHolder(app, holders, "cancel it") is { } coHeld)
            {
                return coHeld;
            }

            if (await RequireConsentsAsync(step, ConsentPurpose.Cancellation, null, "cancellation", ct).ConfigureAwait(false) is { } noConsent)
            {
                return noConsent;
            }

            await lifecycle.CloseOpenFilingsAsync(step, ct).ConfigureAwait(false);
            app.DecidedAt = step.Now;
            step.Payload["registrationNumber"] = app.RegistrationNumber;
            step.Payload["certificateNumber"] = app.CertificateNumber;
            return null;
        }, ct);
}
