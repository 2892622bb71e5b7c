using DataIp.Domain.Registration;
using static DataIp.Domain.Registration.ApplicationState;
using static DataIp.Domain.Registration.LifecycleTrigger;

namespace DataIp.Domain.Tests.Registration;

/// <summary>The order of the checks, the refusal sentences, and the shape of results.</summary>
public sealed class LifecycleRefusalTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Every guard fails here: the correction deadline passed, the notice runs on, nothing is open.</summary>
    private static readonly TransitionContext GuardsFail = new(
        Now,
        SubstantiveExaminationRequired: false,
        CorrectionDeadline: Now.AddDays(-1),
        NoticeEndsAt: Now.AddDays(1),
        OpenObjections: 0);

    public static TheoryData<ApplicationState, LifecycleTrigger, Actor, RefusalKind, string> Refusals => new()
    {
        { Registered, Submit, Actor.Applicant, RefusalKind.NotAllowedInState, "Cannot Submit an application in state Registered." },
        { Registered, Submit, Actor.Examiner, RefusalKind.NotAllowedInState, "Cannot Submit an application in state Registered." },
        { Draft, StartExamination, Actor.Examiner, RefusalKind.NotAllowedInState, "Cannot StartExamination an application in state Draft." },
        { Withdrawn, Withdraw, Actor.Applicant, RefusalKind.NotAllowedInState, "Cannot Withdraw an application in state Withdrawn." },
        { Draft, LapseCorrection, Actor.Examiner, RefusalKind.NotAllowedInState, "Cannot LapseCorrection an application in state Draft." },
        { Draft, Submit, Actor.Examiner, RefusalKind.ActorNotPermitted, "Only the applicant may Submit." },
        { Submitted, StartExamination, Actor.Public, RefusalKind.ActorNotPermitted, "Only an examiner of the body may StartExamination." },
        { FormalExamination, RequestCorrection, Actor.Applicant, RefusalKind.ActorNotPermitted, "Only an examiner of the body may RequestCorrection." },
        { FormalExamination, Withdraw, Actor.Examiner, RefusalKind.ActorNotPermitted, "Only the applicant may Withdraw." },
        { CorrectionRequested, Resubmit, Actor.Examiner, RefusalKind.ActorNotPermitted, "Only the applicant may Resubmit." },
        { CorrectionRequested, LapseCorrection, Actor.Applicant, RefusalKind.ActorNotPermitted, "Only the system may LapseCorrection." },
        { PublicNotice, Register, Actor.Public, RefusalKind.ActorNotPermitted, "Only an examiner of the body or the system may Register." },
        { PublicNotice, Register, Actor.Applicant, RefusalKind.ActorNotPermitted, "Only an examiner of the body or the system may Register." },
        {
            PublicNotice, FileObjection, Actor.System, RefusalKind.ActorNotPermitted,
            "Only a member of the public may FileObjection."
        },
        { ObjectionReview, DismissObjection, Actor.System, RefusalKind.ActorNotPermitted, "Only an examiner of the body may DismissObjection." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Decide_RowMissingOrActorWrong_RefusedBeforeGuardWithSentence(
        ApplicationState state, LifecycleTrigger trigger, Actor actor, RefusalKind kind, string reason)
    {
        var result = Lifecycle.Decide(state, trigger, actor, GuardsFail);

        Assert.False(result.IsAllowed);
        Assert.Equal(kind, result.Refusal);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void Decide_Refused_KeepsCurrentState()
    {
        var result = Lifecycle.Decide(CorrectionRequested, Resubmit, Actor.Applicant, GuardsFail);

        Assert.False(result.IsAllowed);
        Assert.Equal(CorrectionRequested, result.Next);
    }

    [Fact]
    public void Decide_Allowed_HasNoRefusalOrReason()
    {
        var result = Lifecycle.Decide(Draft, Submit, Actor.Applicant, GuardsFail);

        Assert.Equal(TransitionResult.Allowed(Submitted), result);
        Assert.Null(result.Refusal);
        Assert.Null(result.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Refused_BlankReason_Throws(string reason)
    {
        Assert.Throws<ArgumentException>(() => TransitionResult.Refused(Draft, RefusalKind.GuardFailed, reason));
    }

    [Fact]
    public void Decide_UndefinedState_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Lifecycle.Decide((ApplicationState)99, Submit, Actor.Applicant, GuardsFail));

        Assert.Equal("state", error.ParamName);
    }

    [Fact]
    public void Decide_UndefinedTrigger_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Lifecycle.Decide(Draft, (LifecycleTrigger)99, Actor.Applicant, GuardsFail));

        Assert.Equal("trigger", error.ParamName);
    }

    [Fact]
    public void Decide_UndefinedActor_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Lifecycle.Decide(Draft, Submit, (Actor)99, GuardsFail));

        Assert.Equal("actor", error.ParamName);
    }

    [Fact]
    public void Decide_NullContext_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Lifecycle.Decide(Draft, Submit, Actor.Applicant, null!));
    }

    [Fact]
    public void Decide_NegativeOpenObjections_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => Lifecycle.Decide(ObjectionReview, DismissObjection, Actor.Examiner, GuardsFail with { OpenObjections = -1 }));
    }
}
