using DataIp.Domain.Registration;
using static DataIp.Domain.Registration.Actor;
using static DataIp.Domain.Registration.LifecycleTrigger;

namespace DataIp.Domain.Rights;

/// <summary>The state of a licence in the register.</summary>
public enum LicenceStatus
{
    /// <summary>Recorded; in force during its term.</summary>
    Recorded,
}

/// <summary>
/// The state machines of the register of rights (docs/rights.md), one per kind of thing: who may
/// act on a pledge, a transfer, a change request or a licence in each of its states. Each is tested
/// over every (state, trigger, actor) like the lifecycle table.
/// </summary>
public static class RightsTables
{
    /// <summary>
    /// Pledges (DOMAIN §9): filed by one side and registered when the other side confirms; consents
    /// and release by the pledgee, or release by an examiner of the body on a court order.
    /// </summary>
    public static RightsTable<PledgeStatus> Pledges { get; } = new("pledge",
    [
        RightsTable<PledgeStatus>.Row(null, FilePledge, [Holder, Bank], PledgeStatus.Filed,
            "A holder (naming the pledgee) or a bank (naming itself) files a pledge; it is not in force until the other side confirms."),
        RightsTable<PledgeStatus>.Row(PledgeStatus.Filed, ConfirmPledge, [Holder, Pledgee], PledgeStatus.Registered,
            "The side that did not file confirms: the pledge is registered and ranks by the time of registration.") with { Guard = OtherSide },
        RightsTable<PledgeStatus>.Row(PledgeStatus.Registered, ConsentToAct, [Pledgee], PledgeStatus.Registered,
            "The pledgee records its consent to a transfer, a cancellation or an exclusive licence."),
        RightsTable<PledgeStatus>.Row(PledgeStatus.Registered, ReleasePledge, [Pledgee, Examiner], PledgeStatus.Released,
            "The pledgee releases the pledge, or an examiner of the body on a court order.") with { Guard = CourtOrderUnlessPledgee },
    ]);

    /// <summary>Transfers: a holder offers, the transferee accepts or declines, the offering holder may withdraw.</summary>
    public static RightsTable<TransferStatus> Transfers { get; } = new("transfer",
    [
        RightsTable<TransferStatus>.Row(null, ProposeTransfer, [Holder], TransferStatus.Proposed, "A holder offers its share, or part of it."),
        RightsTable<TransferStatus>.Row(TransferStatus.Proposed, AcceptTransfer, [Transferee], TransferStatus.Accepted,
            "The transferee accepts; with every active pledgee's consent the share moves."),
        RightsTable<TransferStatus>.Row(TransferStatus.Proposed, DeclineTransfer, [Transferee, Transferor], TransferStatus.Declined,
            "The transferee declines, or the offering holder withdraws, the offer."),
    ]);

    /// <summary>Changes of particulars: a holder asks (one request at a time), an examiner of the body decides.</summary>
    public static RightsTable<ChangeStatus> Changes { get; } = new("change request",
    [
        RightsTable<ChangeStatus>.Row(null, RequestChange, [Holder], ChangeStatus.Pending, "A holder asks to change particulars; one request waits at a time.")
            with { Guard = (context, _) => context.ChangePending ? new GuardFailure(GuardCode.ChangePending) : null },
        RightsTable<ChangeStatus>.Row(ChangeStatus.Pending, ApproveChange, [Examiner], ChangeStatus.Approved, "An examiner of the body approves the change."),
        RightsTable<ChangeStatus>.Row(ChangeStatus.Pending, RefuseChange, [Examiner], ChangeStatus.Refused, "An examiner of the body refuses the change, with reasons."),
    ]);

    /// <summary>Licences: a holder records one that conflicts with no licence recorded (<see cref="LicenceRules"/>).</summary>
    public static RightsTable<LicenceStatus> Licences { get; } = new("licence",
    [
        RightsTable<LicenceStatus>.Row(null, RecordLicence, [Holder], LicenceStatus.Recorded,
            "A holder records a licence that conflicts with none recorded.")
            with { Guard = (context, _) => context.ConflictingLicence is { } number ? new GuardFailure(GuardCode.ConflictingLicence, number) : null },
    ]);

    // A pledge is registered jointly: the side that filed it cannot confirm it.
    private static GuardFailure? OtherSide(RightsContext context, IReadOnlySet<Actor> actors) => context.FiledBy switch
    {
        PledgeSide.Holder when !actors.Contains(Pledgee) => new(GuardCode.PledgeeConfirms),
        PledgeSide.Pledgee when !actors.Contains(Holder) => new(GuardCode.HolderConfirms),
        null => new(GuardCode.PledgeSideUnknown),
        _ => null,
    };

    private static GuardFailure? CourtOrderUnlessPledgee(RightsContext context, IReadOnlySet<Actor> actors) =>
        actors.Contains(Pledgee) || context.CourtOrder ? null : new(GuardCode.CourtOrderNeeded);
}
