using DataIp.Domain.Registration;
using static DataIp.Domain.Registration.ApplicationState;
using static DataIp.Domain.Registration.LifecycleTrigger;

namespace DataIp.Domain.Tests.Registration;

/// <summary>
/// Every (state, trigger) pair of DOMAIN §4, written out by hand so that a wrong row in
/// <see cref="Lifecycle"/> makes a test fail. Each pair is tried by every actor.
/// </summary>
public sealed class LifecycleTableTests
{
    private static readonly Actor[] Nobody = [];

    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// (state, trigger, the actors that may perform it, the next state when its guard passes).
    /// No actors and no next state: the pair has no row and is refused with NotAllowedInState.
    /// The next state is the one reached under <see cref="PassingContext"/>, which has no
    /// substantive examination and exactly one open objection when dismissing.
    /// </summary>
    public static TheoryData<ApplicationState, LifecycleTrigger, Actor[], ApplicationState?> EveryPair => new()
    {
        { Draft, Submit, [Actor.Applicant], Submitted },
        { Draft, StartExamination, Nobody, null },
        { Draft, RequestCorrection, Nobody, null },
        { Draft, Resubmit, Nobody, null },
        { Draft, LapseCorrection, Nobody, null },
        { Draft, Withdraw, [Actor.Applicant], Withdrawn },
        { Draft, PassFormalExamination, Nobody, null },
        { Draft, PassSubstantiveExamination, Nobody, null },
        { Draft, Reject, Nobody, null },
        { Draft, FileObjection, Nobody, null },
        { Draft, UpholdObjection, Nobody, null },
        { Draft, DismissObjection, Nobody, null },
        { Draft, Register, Nobody, null },
        { Draft, Revoke, Nobody, null },
        { Draft, ReissueCertificate, Nobody, null },
        { Draft, RequestChange, Nobody, null },
        { Draft, ApproveChange, Nobody, null },
        { Draft, RefuseChange, Nobody, null },
        { Draft, Renew, Nobody, null },
        { Draft, Expire, Nobody, null },
        { Draft, ProposeTransfer, Nobody, null },
        { Draft, AcceptTransfer, Nobody, null },
        { Draft, DeclineTransfer, Nobody, null },
        { Draft, RecordLicence, Nobody, null },
        { Draft, FilePledge, Nobody, null },
        { Draft, ConfirmPledge, Nobody, null },
        { Draft, ConsentToAct, Nobody, null },
        { Draft, ReleasePledge, Nobody, null },
        { Draft, Cancel, Nobody, null },

        { Submitted, Submit, Nobody, null },
        { Submitted, StartExamination, [Actor.Examiner], FormalExamination },
        { Submitted, RequestCorrection, Nobody, null },
        { Submitted, Resubmit, Nobody, null },
        { Submitted, LapseCorrection, Nobody, null },
        { Submitted, Withdraw, [Actor.Applicant], Withdrawn },
        { Submitted, PassFormalExamination, Nobody, null },
        { Submitted, PassSubstantiveExamination, Nobody, null },
        { Submitted, Reject, Nobody, null },
        { Submitted, FileObjection, Nobody, null },
        { Submitted, UpholdObjection, Nobody, null },
        { Submitted, DismissObjection, Nobody, null },
        { Submitted, Register, Nobody, null },
        { Submitted, Revoke, Nobody, null },
        { Submitted, ReissueCertificate, Nobody, null },
        { Submitted, RequestChange, Nobody, null },
        { Submitted, ApproveChange, Nobody, null },
        { Submitted, RefuseChange, Nobody, null },
        { Submitted, Renew, Nobody, null },
        { Submitted, Expire, Nobody, null },
        { Submitted, ProposeTransfer, Nobody, null },
        { Submitted, AcceptTransfer, Nobody, null },
        { Submitted, DeclineTransfer, Nobody, null },
        { Submitted, RecordLicence, Nobody, null },
        { Submitted, FilePledge, Nobody, null },
        { Submitted, ConfirmPledge, Nobody, null },
        { Submitted, ConsentToAct, Nobody, null },
        { Submitted, ReleasePledge, Nobody, null },
        { Submitted, Cancel, Nobody, null },

        { FormalExamination, Submit, Nobody, null },
        { FormalExamination, StartExamination, Nobody, null },
        { FormalExamination, RequestCorrection, [Actor.Examiner], CorrectionRequested },
        { FormalExamination, Resubmit, Nobody, null },
        { FormalExamination, LapseCorrection, Nobody, null },
        { FormalExamination, Withdraw, [Actor.Applicant], Withdrawn },
        { FormalExamination, PassFormalExamination, [Actor.Examiner], PublicNotice },
        { FormalExamination, PassSubstantiveExamination, Nobody, null },
        { FormalExamination, Reject, [Actor.Examiner], Rejected },
        { FormalExamination, FileObjection, Nobody, null },
        { FormalExamination, UpholdObjection, Nobody, null },
        { FormalExamination, DismissObjection, Nobody, null },
        { FormalExamination, Register, Nobody, null },
        { FormalExamination, Revoke, Nobody, null },
        { FormalExamination, ReissueCertificate, Nobody, null },
        { FormalExamination, RequestChange, Nobody, null },
        { FormalExamination, ApproveChange, Nobody, null },
        { FormalExamination, RefuseChange, Nobody, null },
        { FormalExamination, Renew, Nobody, null },
        { FormalExamination, Expire, Nobody, null },
        { FormalExamination, ProposeTransfer, Nobody, null },
        { FormalExamination, AcceptTransfer, Nobody, null },
        { FormalExamination, DeclineTransfer, Nobody, null },
        { FormalExamination, RecordLicence, Nobody, null },
        { FormalExamination, FilePledge, Nobody, null },
        { FormalExamination, ConfirmPledge, Nobody, null },
        { FormalExamination, ConsentToAct, Nobody, null },
        { FormalExamination, ReleasePledge, Nobody, null },
        { FormalExamination, Cancel, Nobody, null },

        { CorrectionRequested, Submit, Nobody, null },
        { CorrectionRequested, StartExamination, Nobody, null },
        { CorrectionRequested, RequestCorrection, Nobody, null },
        { CorrectionRequested, Resubmit, [Actor.Applicant], FormalExamination },
        { CorrectionRequested, LapseCorrection, [Actor.System], Withdrawn },
        { CorrectionRequested, Withdraw, [Actor.Applicant], Withdrawn },
        { CorrectionRequested, PassFormalExamination, Nobody, null },
        { CorrectionRequested, PassSubstantiveExamination, Nobody, null },
        { CorrectionRequested, Reject, Nobody, null },
        { CorrectionRequested, FileObjection, Nobody, null },
        { CorrectionRequested, UpholdObjection, Nobody, null },
        { CorrectionRequested, DismissObjection, Nobody, null },
        { CorrectionRequested, Register, Nobody, null },
        { CorrectionRequested, Revoke, Nobody, null },
        { CorrectionRequested, ReissueCertificate, Nobody, null },
        { CorrectionRequested, RequestChange, Nobody, null },
        { CorrectionRequested, ApproveChange, Nobody, null },
        { CorrectionRequested, RefuseChange, Nobody, null },
        { CorrectionRequested, Renew, Nobody, null },
        { CorrectionRequested, Expire, Nobody, null },
        { CorrectionRequested, ProposeTransfer, Nobody, null },
        { CorrectionRequested, AcceptTransfer, Nobody, null },
        { CorrectionRequested, DeclineTransfer, Nobody, null },
        { CorrectionRequested, RecordLicence, Nobody, null },
        { CorrectionRequested, FilePledge, Nobody, null },
        { CorrectionRequested, ConfirmPledge, Nobody, null },
        { CorrectionRequested, ConsentToAct, Nobody, null },
        { CorrectionRequested, ReleasePledge, Nobody, null },
        { CorrectionRequested, Cancel, Nobody, null },

        { SubstantiveExamination, Submit, Nobody, null },
        { SubstantiveExamination, StartExamination, Nobody, null },
        { SubstantiveExamination, RequestCorrection, [Actor.Examiner], CorrectionRequested },
        { SubstantiveExamination, Resubmit, Nobody, null },
        { SubstantiveExamination, LapseCorrection, Nobody, null },
        { SubstantiveExamination, Withdraw, [Actor.Applicant], Withdrawn },
        { SubstantiveExamination, PassFormalExamination, Nobody, null },
        { SubstantiveExamination, PassSubstantiveExamination, [Actor.Examiner], PublicNotice },
        { SubstantiveExamination, Reject, [Actor.Examiner], Rejected },
        { SubstantiveExamination, FileObjection, Nobody, null },
        { SubstantiveExamination, UpholdObjection, Nobody, null },
        { SubstantiveExamination, DismissObjection, Nobody, null },
        { SubstantiveExamination, Register, Nobody, null },
        { SubstantiveExamination, Revoke, Nobody, null },
        { SubstantiveExamination, ReissueCertificate, Nobody, null },
        { SubstantiveExamination, RequestChange, Nobody, null },
        { SubstantiveExamination, ApproveChange, Nobody, null },
        { SubstantiveExamination, RefuseChange, Nobody, null },
        { SubstantiveExamination, Renew, Nobody, null },
        { SubstantiveExamination, Expire, Nobody, null },
        { SubstantiveExamination, ProposeTransfer, Nobody, null },
        { SubstantiveExamination, AcceptTransfer, Nobody, null },
        { SubstantiveExamination, DeclineTransfer, Nobody, null },
        { SubstantiveExamination, RecordLicence, Nobody, null },
        { SubstantiveExamination, FilePledge, Nobody, null },
        { SubstantiveExamination, ConfirmPledge, Nobody, null },
        { SubstantiveExamination, ConsentToAct, Nobody, null },
        { SubstantiveExamination, ReleasePledge, Nobody, null },
        { SubstantiveExamination, Cancel, Nobody, null },

        { PublicNotice, Submit, Nobody, null },
        { PublicNotice, StartExamination, Nobody, null },
        { PublicNotice, RequestCorrection, Nobody, null },
        { PublicNotice, Resubmit, Nobody, null },
        { PublicNotice, LapseCorrection, Nobody, null },
        { PublicNotice, Withdraw, [Actor.Applicant], Withdrawn },
        { PublicNotice, PassFormalExamination, Nobody, null },
        { PublicNotice, PassSubstantiveExamination, Nobody, null },
        { PublicNotice, Reject, Nobody, null },
        { PublicNotice, FileObjection, [Actor.Public], ObjectionReview },
        { PublicNotice, UpholdObjection, Nobody, null },
        { PublicNotice, DismissObjection, Nobody, null },
        { PublicNotice, Register, [Actor.Examiner, Actor.System], Registered },
        { PublicNotice, Revoke, Nobody, null },
        { PublicNotice, ReissueCertificate, Nobody, null },
        { PublicNotice, RequestChange, Nobody, null },
        { PublicNotice, ApproveChange, Nobody, null },
        { PublicNotice, RefuseChange, Nobody, null },
        { PublicNotice, Renew, Nobody, null },
        { PublicNotice, Expire, Nobody, null },
        { PublicNotice, ProposeTransfer, Nobody, null },
        { PublicNotice, AcceptTransfer, Nobody, null },
        { PublicNotice, DeclineTransfer, Nobody, null },
        { PublicNotice, RecordLicence, Nobody, null },
        { PublicNotice, FilePledge, Nobody, null },
        { PublicNotice, ConfirmPledge, Nobody, null },
        { PublicNotice, ConsentToAct, Nobody, null },
        { PublicNotice, ReleasePledge, Nobody, null },
        { PublicNotice, Cancel, Nobody, null },

        { ObjectionReview, Submit, Nobody, null },
        { ObjectionReview, StartExamination, Nobody, null },
        { ObjectionReview, RequestCorrection, Nobody, null },
        { ObjectionReview, Resubmit, Nobody, null },
        { ObjectionReview, LapseCorrection, Nobody, null },
        { ObjectionReview, Withdraw, [Actor.Applicant], Withdrawn },
        { ObjectionReview, PassFormalExamination, Nobody, null },
        { ObjectionReview, PassSubstantiveExamination, Nobody, null },
        { ObjectionReview, Reject, Nobody, null },
        { ObjectionReview, FileObjection, [Actor.Public], ObjectionReview },
        { ObjectionReview, UpholdObjection, [Actor.Examiner], Rejected },
        { ObjectionReview, DismissObjection, [Actor.Examiner], PublicNotice },
        { ObjectionReview, Register, Nobody, null },
        { ObjectionReview, Revoke, Nobody, null },
        { ObjectionReview, ReissueCertificate, Nobody, null },
        { ObjectionReview, RequestChange, Nobody, null },
        { ObjectionReview, ApproveChange, Nobody, null },
        { ObjectionReview, RefuseChange, Nobody, null },
        { ObjectionReview, Renew, Nobody, null },
        { ObjectionReview, Expire, Nobody, null },
        { ObjectionReview, ProposeTransfer, Nobody, null },
        { ObjectionReview, AcceptTransfer, Nobody, null },
        { ObjectionReview, DeclineTransfer, Nobody, null },
        { ObjectionReview, RecordLicence, Nobody, null },
        { ObjectionReview, FilePledge, Nobody, null },
        { ObjectionReview, ConfirmPledge, Nobody, null },
        { ObjectionReview, ConsentToAct, Nobody, null },
        { ObjectionReview, ReleasePledge, Nobody, null },
        { ObjectionReview, Cancel, Nobody, null },

        { Rejected, Submit, Nobody, null },
        { Rejected, StartExamination, Nobody, null },
        { Rejected, RequestCorrection, Nobody, null },
        { Rejected, Resubmit, Nobody, null },
        { Rejected, LapseCorrection, Nobody, null },
        { Rejected, Withdraw, Nobody, null },
        { Rejected, PassFormalExamination, Nobody, null },
        { Rejected, PassSubstantiveExamination, Nobody, null },
        { Rejected, Reject, Nobody, null },
        { Rejected, FileObjection, Nobody, null },
        { Rejected, UpholdObjection, Nobody, null },
        { Rejected, DismissObjection, Nobody, null },
        { Rejected, Register, Nobody, null },
        { Rejected, Revoke, Nobody, null },
        { Rejected, ReissueCertificate, Nobody, null },
        { Rejected, RequestChange, Nobody, null },
        { Rejected, ApproveChange, Nobody, null },
        { Rejected, RefuseChange, Nobody, null },
        { Rejected, Renew, Nobody, null },
        { Rejected, Expire, Nobody, null },
        { Rejected, ProposeTransfer, Nobody, null },
        { Rejected, AcceptTransfer, Nobody, null },
        { Rejected, DeclineTransfer, Nobody, null },
        { Rejected, RecordLicence, Nobody, null },
        { Rejected, FilePledge, Nobody, null },
        { Rejected, ConfirmPledge, Nobody, null },
        { Rejected, ConsentToAct, Nobody, null },
        { Rejected, ReleasePledge, Nobody, null },
        { Rejected, Cancel, Nobody, null },

        { Withdrawn, Submit, Nobody, null },
        { Withdrawn, StartExamination, Nobody, null },
        { Withdrawn, RequestCorrection, Nobody, null },
        { Withdrawn, Resubmit, Nobody, null },
        { Withdrawn, LapseCorrection, Nobody, null },
        { Withdrawn, Withdraw, Nobody, null },
        { Withdrawn, PassFormalExamination, Nobody, null },
        { Withdrawn, PassSubstantiveExamination, Nobody, null },
        { Withdrawn, Reject, Nobody, null },
        { Withdrawn, FileObjection, Nobody, null },
        { Withdrawn, UpholdObjection, Nobody, null },
        { Withdrawn, DismissObjection, Nobody, null },
        { Withdrawn, Register, Nobody, null },
        { Withdrawn, Revoke, Nobody, null },
        { Withdrawn, ReissueCertificate, Nobody, null },
        { Withdrawn, RequestChange, Nobody, null },
        { Withdrawn, ApproveChange, Nobody, null },
        { Withdrawn, RefuseChange, Nobody, null },
        { Withdrawn, Renew, Nobody, null },
        { Withdrawn, Expire, Nobody, null },
        { Withdrawn, ProposeTransfer, Nobody, null },
        { Withdrawn, AcceptTransfer, Nobody, null },
        { Withdrawn, DeclineTransfer, Nobody, null },
        { Withdrawn, RecordLicence, Nobody, null },
        { Withdrawn, FilePledge, Nobody, null },
        { Withdrawn, ConfirmPledge, Nobody, null },
        { Withdrawn, ConsentToAct, Nobody, null },
        { Withdrawn, ReleasePledge, Nobody, null },
        { Withdrawn, Cancel, Nobody, null },

        { Registered, Submit, Nobody, null },
        { Registered, StartExamination, Nobody, null },
        { Registered, RequestCorrection, Nobody, null },
        { Registered, Resubmit, Nobody, null },
        { Registered, LapseCorrection, Nobody, null },
        { Registered, Withdraw, Nobody, null },
        { Registered, PassFormalExamination, Nobody, null },
        { Registered, PassSubstantiveExamination, Nobody, null },
        { Registered, Reject, Nobody, null },
        { Registered, FileObjection, Nobody, null },
        { Registered, UpholdObjection, Nobody, null },
        { Registered, DismissObjection, Nobody, null },
        { Registered, Register, Nobody, null },
        { Registered, Revoke, [Actor.Examiner], Revoked },
        { Registered, ReissueCertificate, [Actor.Examiner], Registered },
        { Registered, RequestChange, [Actor.Holder], Registered },
        { Registered, ApproveChange, [Actor.Examiner], Registered },
        { Registered, RefuseChange, [Actor.Examiner], Registered },
        { Registered, Renew, [Actor.Holder], Registered },
        { Registered, Expire, [Actor.System], Expired },
        { Registered, ProposeTransfer, [Actor.Holder], Registered },
        { Registered, AcceptTransfer, [Actor.Transferee], Registered },
        { Registered, DeclineTransfer, [Actor.Transferee, Actor.Transferor], Registered },
        { Registered, RecordLicence, [Actor.Holder], Registered },
        { Registered, FilePledge, [Actor.Holder, Actor.Bank], Registered },
        { Registered, ConfirmPledge, [Actor.Holder, Actor.Pledgee], Registered },
        { Registered, ConsentToAct, [Actor.Pledgee], Registered },
        { Registered, ReleasePledge, [Actor.Examiner, Actor.Pledgee], Registered },
        { Registered, Cancel, [Actor.Holder], Cancelled },

        { Revoked, Submit, Nobody, null },
        { Revoked, StartExamination, Nobody, null },
        { Revoked, RequestCorrection, Nobody, null },
        { Revoked, Resubmit, Nobody, null },
        { Revoked, LapseCorrection, Nobody, null },
        { Revoked, Withdraw, Nobody, null },
        { Revoked, PassFormalExamination, Nobody, null },
        { Revoked, PassSubstantiveExamination, Nobody, null },
        { Revoked, Reject, Nobody, null },
        { Revoked, FileObjection, Nobody, null },
        { Revoked, UpholdObjection, Nobody, null },
        { Revoked, DismissObjection, Nobody, null },
        { Revoked, Register, Nobody, null },
        { Revoked, Revoke, Nobody, null },
        { Revoked, ReissueCertificate, Nobody, null },
        { Revoked, RequestChange, Nobody, null },
        { Revoked, ApproveChange, Nobody, null },
        { Revoked, RefuseChange, Nobody, null },
        { Revoked, Renew, Nobody, null },
        { Revoked, Expire, Nobody, null },
        { Revoked, ProposeTransfer, Nobody, null },
        { Revoked, AcceptTransfer, Nobody, null },
        { Revoked, DeclineTransfer, Nobody, null },
        { Revoked, RecordLicence, Nobody, null },
        { Revoked, FilePledge, Nobody, null },
        { Revoked, ConfirmPledge, Nobody, null },
        { Revoked, ConsentToAct, Nobody, null },
        { Revoked, ReleasePledge, Nobody, null },
        { Revoked, Cancel, Nobody, null },

        { Expired, Submit, Nobody, null },
        { Expired, StartExamination, Nobody, null },
        { Expired, RequestCorrection, Nobody, null },
        { Expired, Resubmit, Nobody, null },
        { Expired, LapseCorrection, Nobody, null },
        { Expired, Withdraw, Nobody, null },
        { Expired, PassFormalExamination, Nobody, null },
        { Expired, PassSubstantiveExamination, Nobody, null },
        { Expired, Reject, Nobody, null },
        { Expired, FileObjection, Nobody, null },
        { Expired, UpholdObjection, Nobody, null },
        { Expired, DismissObjection, Nobody, null },
        { Expired, Register, Nobody, null },
        { Expired, Revoke, Nobody, null },
        { Expired, ReissueCertificate, Nobody, null },
        { Expired, RequestChange, Nobody, null },
        { Expired, ApproveChange, Nobody, null },
        { Expired, RefuseChange, Nobody, null },
        { Expired, Renew, Nobody, null },
        { Expired, Expire, Nobody, null },
        { Expired, ProposeTransfer, Nobody, null },
        { Expired, AcceptTransfer, Nobody, null },
        { Expired, DeclineTransfer, Nobody, null },
        { Expired, RecordLicence, Nobody, null },
        { Expired, FilePledge, Nobody, null },
        { Expired, ConfirmPledge, Nobody, null },
        { Expired, ConsentToAct, Nobody, null },
        { Expired, ReleasePledge, Nobody, null },
        { Expired, Cancel, Nobody, null },

        { Cancelled, Submit, Nobody, null },
        { Cancelled, StartExamination, Nobody, null },
        { Cancelled, RequestCorrection, Nobody, null },
        { Cancelled, Resubmit, Nobody, null },
        { Cancelled, LapseCorrection, Nobody, null },
        { Cancelled, Withdraw, Nobody, null },
        { Cancelled, PassFormalExamination, Nobody, null },
        { Cancelled, PassSubstantiveExamination, Nobody, null },
        { Cancelled, Reject, Nobody, null },
        { Cancelled, FileObjection, Nobody, null },
        { Cancelled, UpholdObjection, Nobody, null },
        { Cancelled, DismissObjection, Nobody, null },
        { Cancelled, Register, Nobody, null },
        { Cancelled, Revoke, Nobody, null },
        { Cancelled, ReissueCertificate, Nobody, null },
        { Cancelled, RequestChange, Nobody, null },
        { Cancelled, ApproveChange, Nobody, null },
        { Cancelled, RefuseChange, Nobody, null },
        { Cancelled, Renew, Nobody, null },
        { Cancelled, Expire, Nobody, null },
        { Cancelled, ProposeTransfer, Nobody, null },
        { Cancelled, AcceptTransfer, Nobody, null },
        { Cancelled, DeclineTransfer, Nobody, null },
        { Cancelled, RecordLicence, Nobody, null },
        { Cancelled, FilePledge, Nobody, null },
        { Cancelled, ConfirmPledge, Nobody, null },
        { Cancelled, ConsentToAct, Nobody, null },
        { Cancelled, ReleasePledge, Nobody, null },
        { Cancelled, Cancel, Nobody, null },
    };

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Decide_EachActor_MatchesTable(
        ApplicationState state, LifecycleTrigger trigger, Actor[] permitted, ApplicationState? next)
    {
        var actors = Enum.GetValues<Actor>();
        var expected = actors.Select(actor => Expected(actor, permitted, next)).ToArray();

        var actual = actors
            .Select(actor => $"{actor}: {Describe(Lifecycle.Decide(state, trigger, actor, PassingContext(trigger)))}")
            .ToArray();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EveryPair_TestTable_CoversEachStateAndTriggerExactlyOnce()
    {
        var pairs = EveryPair.Select(row => (row.Data.Item1, row.Data.Item2)).ToArray();

        var all = Enum.GetValues<ApplicationState>()
            .SelectMany(state => Enum.GetValues<LifecycleTrigger>().Select(trigger => (state, trigger)));

        Assert.Equal(13 * 29, pairs.Length);
        Assert.Equal(all.Order(), pairs.Order());
    }

    [Fact]
    public void Rules_ComparedWithTestTable_HaveTheSameRowsAndActors()
    {
        var expected = EveryPair
            .Where(row => row.Data.Item3.Length > 0)
            .Select(row => $"{row.Data.Item1} {row.Data.Item2} {string.Join(",", row.Data.Item3.Order())}")
            .Order();

        var actual = Lifecycle.Rules
            .Select(rule => $"{rule.From} {rule.Trigger} {string.Join(",", rule.Actors.Order())}")
            .Order();

        Assert.Equal(expected, actual);
    }

    /// <summary>A context in which the guard of the given trigger's rows passes.</summary>
    private static TransitionContext PassingContext(LifecycleTrigger trigger) => trigger switch
    {
        LapseCorrection => Open with { CorrectionDeadline = Now },
        Register => Open with { NoticeEndsAt = Now },
        DismissObjection => Open with { OpenObjections = 1 },
        Renew => Open with { ValidUntil = DateOnly.FromDateTime(Now.DateTime) },
        Expire => Open with { ValidUntil = DateOnly.FromDateTime(Now.DateTime).AddDays(-1) },
        _ => Open,
    };

    /// <summary>Correction period and public notice period both still running; nothing open.</summary>
    private static TransitionContext Open => new(
        Now,
        SubstantiveExaminationRequired: false,
        CorrectionDeadline: Now.AddDays(30),
        NoticeEndsAt: Now.AddDays(10),
        OpenObjections: 0);

    private static string Expected(Actor actor, Actor[] permitted, ApplicationState? next) =>
        permitted.Length == 0 ? $"{actor}: {RefusalKind.NotAllowedInState}"
        : permitted.Contains(actor) ? $"{actor}: -> {next}"
        : $"{actor}: {RefusalKind.ActorNotPermitted}";

    private static string Describe(TransitionResult result) =>
        result.IsAllowed ? $"-> {result.Next}" : $"{result.Refusal}";
}
