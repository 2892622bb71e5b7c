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

        { PublicNotice, Submit, Nobody, null },
        { PublicNotice, StartExamination, Nobody, null },
        { PublicNotice, RequestCorrection, Nobody, null },
        { PublicNotice, Resubmit, Nobody, null },
        { PublicNotice, LapseCorrection, Nobody, null },
        { PublicNotice, Withdraw, [Actor.Applicant], Withdrawn },
        { PublicNotice, PassFormalExamination, Nobody, null },
        { PublicNotice, PassSubstantiveExamination, Nobody, null },
        { PublicNotice, Reject, Nobody, null },
        { PublicNotice, FileObjection, [Actor.Applicant, Actor.Examiner, Actor.Public], ObjectionReview },
        { PublicNotice, UpholdObjection, Nobody, null },
        { PublicNotice, DismissObjection, Nobody, null },
        { PublicNotice, Register, [Actor.Examiner, Actor.System], Registered },
        { PublicNotice, Revoke, Nobody, null },
        { PublicNotice, ReissueCertificate, Nobody, null },

        { ObjectionReview, Submit, Nobody, null },
        { ObjectionReview, StartExamination, Nobody, null },
        { ObjectionReview, RequestCorrection, Nobody, null },
        { ObjectionReview, Resubmit, Nobody, null },
        { ObjectionReview, LapseCorrection, Nobody, null },
        { ObjectionReview, Withdraw, [Actor.Applicant], Withdrawn },
        { ObjectionReview, PassFormalExamination, Nobody, null },
        { ObjectionReview, PassSubstantiveExamination, Nobody, null },
        { ObjectionReview, Reject, Nobody, null },
        { ObjectionReview, FileObjection, [Actor.Applicant, Actor.Examiner, Actor.Public], ObjectionReview },
        { ObjectionReview, UpholdObjection, [Actor.Examiner], Rejected },
        { ObjectionReview, DismissObjection, [Actor.Examiner], PublicNotice },
        { ObjectionReview, Register, Nobody, null },
        { ObjectionReview, Revoke, Nobody, null },
        { ObjectionReview, ReissueCertificate, Nobody, null },

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

        Assert.Equal(165, pairs.Length);
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
