using System.Collections.Frozen;
using static DataIp.Domain.Registration.ApplicationState;
using static DataIp.Domain.Registration.LifecycleTrigger;

namespace DataIp.Domain.Registration;

/// <summary>
/// The rows of the registration lifecycle (DOMAIN §4), one per (state, trigger) pair that may ever
/// be allowed. Every other pair is refused. Adding a state or an act means adding rows here and
/// nothing else; docs/lifecycle.md shows the same table.
/// </summary>
internal static class LifecycleTable
{
    private static readonly FrozenSet<Actor> Applicant = [Actor.Applicant];
    private static readonly FrozenSet<Actor> Examiner = [Actor.Examiner];
    private static readonly FrozenSet<Actor> SystemOnly = [Actor.System];
    private static readonly FrozenSet<Actor> ExaminerOrSystem = [Actor.Examiner, Actor.System];
    private static readonly FrozenSet<Actor> Holder = [Actor.Holder];
    private static readonly FrozenSet<Actor> Transferee = [Actor.Transferee];
    private static readonly FrozenSet<Actor> TransfereeOrTransferor = [Actor.Transferee, Actor.Transferor];
    private static readonly FrozenSet<Actor> Pledgee = [Actor.Pledgee];
    private static readonly FrozenSet<Actor> HolderOrBank = [Actor.Holder, Actor.Bank];
    private static readonly FrozenSet<Actor> HolderOrPledgee = [Actor.Holder, Actor.Pledgee];
    private static readonly FrozenSet<Actor> PledgeeOrExaminer = [Actor.Pledgee, Actor.Examiner];

    // "Anyone" may object: every party but the platform is also the public (Relations), so the
    // applicant, examiners and banks may object too; the system never objects on its own.
    private static readonly FrozenSet<Actor> Anyone = [Actor.Public];

    /// <summary>Builds the table, in lifecycle order.</summary>
    internal static TransitionRule[] Build() =>
    [
        Row(Draft, Submit, Applicant, Submitted, "The applicant submits the draft application."),
        Row(Draft, Withdraw, Applicant, Withdrawn, "The applicant abandons the draft."),

        Row(Submitted, StartExamination, Examiner, FormalExamination, "An examiner starts the formal examination."),
        Row(Submitted, Withdraw, Applicant, Withdrawn, "The applicant withdraws the application."),

        Row(FormalExamination, RequestCorrection, Examiner, CorrectionRequested,
            "An examiner finds the application defective and asks the applicant to correct it."),
        Row(FormalExamination, PassFormalExamination, Examiner, AfterFormalExamination, LifecycleGuards.None,
            "An examiner passes the formal examination; the application goes to substantive examination "
            + "if the body's policy requires it, otherwise to public notice."),
        Row(FormalExamination, Reject, Examiner, Rejected, "An examiner refuses registration, with reasons."),
        Row(FormalExamination, Withdraw, Applicant, Withdrawn, "The applicant withdraws the application."),

        Row(CorrectionRequested, Resubmit, Applicant, _ => FormalExamination, LifecycleGuards.BeforeCorrectionDeadline,
            "The applicant resubmits the corrected application strictly before the correction deadline."),
        Row(CorrectionRequested, LapseCorrection, SystemOnly, _ => Withdrawn, LifecycleGuards.CorrectionDeadlinePassed,
            "The system withdraws the application once the correction deadline has passed without a resubmission."),
        Row(CorrectionRequested, Withdraw, Applicant, Withdrawn, "The applicant withdraws the application."),

        Row(SubstantiveExamination, PassSubstantiveExamination, Examiner, PublicNotice,
            "An examiner passes the substantive examination; the application goes to public notice."),
        Row(SubstantiveExamination, RequestCorrection, Examiner, CorrectionRequested,
            "An examiner finds the application defective and asks the applicant to correct it."),
        Row(SubstantiveExamination, Reject, Examiner, Rejected, "An examiner refuses registration, with reasons."),
        Row(SubstantiveExamination, Withdraw, Applicant, Withdrawn, "The applicant withdraws the application."),

        Row(PublicNotice, FileObjection, Anyone, _ => ObjectionReview, LifecycleGuards.DuringNoticePeriod,
            "Anyone files an objection strictly before the public notice period ends."),
        Row(PublicNotice, Register, ExaminerOrSystem, _ => Registered, LifecycleGuards.NoticeEndedWithoutOpenObjection,
            "An examiner or the system registers the application once the public notice period has ended "
            + "with no open objection."),
        Row(PublicNotice, Withdraw, Applicant, Withdrawn, "The applicant withdraws the application."),

        Row(ObjectionReview, FileObjection, Anyone, _ => ObjectionReview, LifecycleGuards.DuringNoticePeriod,
            "Anyone files a further objection strictly before the public notice period ends."),
        Row(ObjectionReview, UpholdObjection, Examiner, Rejected,
            "An examiner upholds an objection, which refuses registration."),
        Row(ObjectionReview, DismissObjection, Examiner, AfterDismissal, LifecycleGuards.HasOpenObjection,
            "An examiner dismisses one open objection; the application returns to public notice "
            + "when no other objection is open, and the notice period continues."),
        Row(ObjectionReview, Withdraw, Applicant, Withdrawn, "The applicant withdraws the application."),

        Row(Registered, ReissueCertificate, Examiner, Registered,
            "An examiner re-issues the certificate under a new certificate number, with reasons; the earlier one is superseded."),
        Row(Registered, Revoke, Examiner, Revoked,
            "An examiner revokes the registration, with reasons; its certificates are no longer valid."),

        // The register of rights (docs/rights.md). Who may act on a pledge, transfer, licence or
        // change in its own state is decided by its table in Rights/ (PledgeTable, …) after this one.
        Row(Registered, RequestChange, Holder, Registered, "A holder asks to change the recorded particulars."),
        Row(Registered, ApproveChange, Examiner, Registered, "An examiner approves a requested change; a new certificate is issued."),
        Row(Registered, RefuseChange, Examiner, Registered, "An examiner refuses a requested change, with reasons."),
        Row(Registered, Renew, Holder, _ => Registered, LifecycleGuards.WithinRenewalWindow,
            "A holder renews the registration within the renewal window; validity is extended and a new certificate is issued."),
        Row(Registered, Expire, SystemOnly, _ => Expired, LifecycleGuards.ValidityEnded,
            "The system records the end of validity of a registration not renewed."),
        Row(Registered, ProposeTransfer, Holder, Registered, "A holder offers its share, or the whole, to a transferee."),
        Row(Registered, AcceptTransfer, Transferee, Registered,
            "The transferee accepts; with every active pledgee's consent the transfer takes effect and a new certificate is issued."),
        Row(Registered, DeclineTransfer, TransfereeOrTransferor, Registered, "The transferee declines, or the holder withdraws, an open transfer."),
        Row(Registered, RecordLicence, Holder, Registered,
            "A holder records a licence; an exclusive or sole licence needs every active pledgee's consent and conflicts with any other licence of the same right and term."),
        Row(Registered, FilePledge, HolderOrBank, Registered, "A holder or a pledgee files a pledge, to be confirmed by the other side."),
        Row(Registered, ConfirmPledge, HolderOrPledgee, Registered,
            "The other side confirms a filed pledge: it is registered, and ranks by the time of registration."),
        Row(Registered, ConsentToAct, Pledgee, Registered, "A pledgee records its consent to a transfer, a cancellation or an exclusive licence."),
        Row(Registered, ReleasePledge, PledgeeOrExaminer, Registered,
            "The pledgee releases its pledge, or an examiner releases it on a court order."),
        Row(Registered, Cancel, Holder, Cancelled,
            "The holders cancel the registration, with every active pledgee's consent; its certificates are no longer valid."),
    ];

    private static ApplicationState AfterFormalExamination(TransitionContext context) =>
        context.SubstantiveExaminationRequired ? SubstantiveExamination : PublicNotice;

    private static ApplicationState AfterDismissal(TransitionContext context) =>
        context.OpenObjections - 1 > 0 ? ObjectionReview : PublicNotice;

    private static TransitionRule Row(
        ApplicationState from, LifecycleTrigger trigger, FrozenSet<Actor> actors, ApplicationState to, string description) =>
        Row(from, trigger, actors, _ => to, LifecycleGuards.None, description);

    private static TransitionRule Row(
        ApplicationState from,
        LifecycleTrigger trigger,
        FrozenSet<Actor> actors,
        Func<TransitionContext, ApplicationState> next,
        Func<TransitionContext, GuardFailure?> guard,
        string description) =>
        new(from, trigger, actors, description, next, guard);
}
