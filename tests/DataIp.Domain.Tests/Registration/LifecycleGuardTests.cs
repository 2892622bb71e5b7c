using System.Globalization;
using DataIp.Domain.Registration;
using static DataIp.Domain.Registration.ApplicationState;
using static DataIp.Domain.Registration.LifecycleTrigger;

namespace DataIp.Domain.Tests.Registration;

/// <summary>
/// Each guard both ways, at the boundary instant and one tick either side, and the two rows whose
/// next state depends on the context.
/// </summary>
public sealed class LifecycleGuardTests
{
    /// <summary>The deadline or period end used throughout; "o" prints it as below.</summary>
    private static readonly DateTimeOffset Boundary = new(2025, 3, 31, 0, 0, 0, TimeSpan.FromHours(8));

    private const string BoundaryText = "2025-03-31T00:00:00.0000000+08:00";

    public static TheoryData<long, ApplicationState?> ResubmitCases => new()
    {
        { -1, FormalExamination },
        { 0, null },
        { 1, null },
    };

    [Theory]
    [MemberData(nameof(ResubmitCases))]
    public void Resubmit_TicksFromCorrectionDeadline_AllowedOnlyBefore(long ticks, ApplicationState? next)
    {
        var context = At(ticks) with { CorrectionDeadline = Boundary };

        var result = Lifecycle.Decide(CorrectionRequested, Resubmit, Actor.Applicant, context);

        Assert.Equal(next, Outcome(result));
    }

    [Fact]
    public void Resubmit_AtCorrectionDeadline_ReasonNamesDeadline()
    {
        var context = At(0) with { CorrectionDeadline = Boundary };

        var result = Lifecycle.Decide(CorrectionRequested, Resubmit, Actor.Applicant, context);

        Assert.Equal(RefusalKind.GuardFailed, result.Refusal);
        Assert.Equal(
            $"Cannot Resubmit an application in state CorrectionRequested: the correction deadline passed at {BoundaryText}.",
            result.Reason);
    }

    [Fact]
    public void Resubmit_SameInstantInAnotherOffset_Refused()
    {
        var context = At(0) with { Now = Boundary.ToUniversalTime(), CorrectionDeadline = Boundary };

        var result = Lifecycle.Decide(CorrectionRequested, Resubmit, Actor.Applicant, context);

        Assert.Equal(RefusalKind.GuardFailed, result.Refusal);
    }

    public static TheoryData<long, ApplicationState?> LapseCases => new()
    {
        { -1, null },
        { 0, Withdrawn },
        { 1, Withdrawn },
    };

    [Theory]
    [MemberData(nameof(LapseCases))]
    public void LapseCorrection_TicksFromCorrectionDeadline_AllowedFromDeadlineOn(long ticks, ApplicationState? next)
    {
        var context = At(ticks) with { CorrectionDeadline = Boundary };

        var result = Lifecycle.Decide(CorrectionRequested, LapseCorrection, Actor.System, context);

        Assert.Equal(next, Outcome(result));
    }

    [Fact]
    public void LapseCorrection_BeforeCorrectionDeadline_ReasonNamesDeadline()
    {
        var context = At(-1) with { CorrectionDeadline = Boundary };

        var result = Lifecycle.Decide(CorrectionRequested, LapseCorrection, Actor.System, context);

        Assert.Equal(
            "Cannot LapseCorrection an application in state CorrectionRequested: "
            + $"the correction deadline has not passed yet; it passes at {BoundaryText}.",
            result.Reason);
    }

    public static TheoryData<ApplicationState, long, ApplicationState?> FileObjectionCases => new()
    {
        { PublicNotice, -1, ObjectionReview },
        { PublicNotice, 0, null },
        { PublicNotice, 1, null },
        { ObjectionReview, -1, ObjectionReview },
        { ObjectionReview, 0, null },
        { ObjectionReview, 1, null },
    };

    [Theory]
    [MemberData(nameof(FileObjectionCases))]
    public void FileObjection_TicksFromNoticeEnd_AllowedOnlyBefore(ApplicationState state, long ticks, ApplicationState? next)
    {
        var context = At(ticks) with { NoticeEndsAt = Boundary, OpenObjections = state == ObjectionReview ? 1 : 0 };

        var result = Lifecycle.Decide(state, FileObjection, Actor.Public, context);

        Assert.Equal(next, Outcome(result));
    }

    [Fact]
    public void FileObjection_AtNoticeEnd_ReasonNamesNoticeEnd()
    {
        var context = At(0) with { NoticeEndsAt = Boundary };

        var result = Lifecycle.Decide(PublicNotice, FileObjection, Actor.Public, context);

        Assert.Equal(
            "Cannot FileObjection an application in state PublicNotice: objections may be filed only "
            + $"during the public notice period, which ended at {BoundaryText}.",
            result.Reason);
    }

    public static TheoryData<long, int, string?> RegisterCases => new()
    {
        { -1, 0, $"the public notice period has not ended yet; it ends at {BoundaryText}" },
        { 0, 0, null },
        { 1, 0, null },
        { 0, 1, "1 objection is still open" },
        { 0, 2, "2 objections are still open" },
    };

    [Theory]
    [MemberData(nameof(RegisterCases))]
    public void Register_NoticeEndAndOpenObjections_AllowedOnlyWhenEndedAndNoneOpen(long ticks, int open, string? why)
    {
        var context = At(ticks) with { NoticeEndsAt = Boundary, OpenObjections = open };

        var result = Lifecycle.Decide(PublicNotice, Register, Actor.System, context);

        Assert.Equal(why is null ? Registered : null, Outcome(result));
        Assert.Equal(why is null ? null : $"Cannot Register an application in state PublicNotice: {why}.", result.Reason);
    }

    public static TheoryData<ApplicationState, LifecycleTrigger, Actor, string> MissingInstantCases => new()
    {
        { CorrectionRequested, Resubmit, Actor.Applicant, "no correction deadline is set" },
        { CorrectionRequested, LapseCorrection, Actor.System, "no correction deadline is set" },
        { PublicNotice, FileObjection, Actor.Public, "no public notice period is set" },
        { ObjectionReview, FileObjection, Actor.Public, "no public notice period is set" },
        { PublicNotice, Register, Actor.Examiner, "no public notice period is set" },
    };

    [Theory]
    [MemberData(nameof(MissingInstantCases))]
    public void Decide_DeadlineOrNoticeEndMissing_GuardFails(
        ApplicationState state, LifecycleTrigger trigger, Actor actor, string why)
    {
        var context = At(0) with { CorrectionDeadline = null, NoticeEndsAt = null };

        var result = Lifecycle.Decide(state, trigger, actor, context);

        Assert.Equal(RefusalKind.GuardFailed, result.Refusal);
        Assert.Equal($"Cannot {trigger} an application in state {state}: {why}.", result.Reason);
    }

    public static TheoryData<int, ApplicationState?> DismissCases => new()
    {
        { 0, null },
        { 1, PublicNotice },
        { 2, ObjectionReview },
        { 3, ObjectionReview },
    };

    [Theory]
    [MemberData(nameof(DismissCases))]
    public void DismissObjection_OpenObjections_ReturnsToNoticeWhenLastIsDismissed(int open, ApplicationState? next)
    {
        var context = At(0) with { NoticeEndsAt = Boundary, OpenObjections = open };

        var result = Lifecycle.Decide(ObjectionReview, DismissObjection, Actor.Examiner, context);

        Assert.Equal(next, Outcome(result));
    }

    [Fact]
    public void DismissObjection_NoneOpen_ReasonSaysSo()
    {
        var result = Lifecycle.Decide(ObjectionReview, DismissObjection, Actor.Examiner, At(0));

        Assert.Equal(
            "Cannot DismissObjection an application in state ObjectionReview: there is no open objection to dismiss.",
            result.Reason);
    }

    [Theory]
    [InlineData(true, SubstantiveExamination)]
    [InlineData(false, PublicNotice)]
    public void PassFormalExamination_BodyPolicy_ChoosesNextState(bool substantiveRequired, ApplicationState next)
    {
        var context = At(0) with { SubstantiveExaminationRequired = substantiveRequired };

        var result = Lifecycle.Decide(FormalExamination, PassFormalExamination, Actor.Examiner, context);

        Assert.Equal(next, Outcome(result));
    }

    [Fact]
    public void Reason_UnderThaiCulture_UsesInvariantIso8601()
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("th-TH");
        try
        {
            var context = At(0) with { CorrectionDeadline = Boundary };

            var result = Lifecycle.Decide(CorrectionRequested, Resubmit, Actor.Applicant, context);

            Assert.EndsWith($"passed at {BoundaryText}.", result.Reason);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    /// <summary>A context at <paramref name="ticks"/> from the boundary, with nothing else set.</summary>
    private static TransitionContext At(long ticks) => new(
        Boundary.AddTicks(ticks),
        SubstantiveExaminationRequired: false,
        CorrectionDeadline: null,
        NoticeEndsAt: null,
        OpenObjections: 0);

    /// <summary>The next state when allowed; null when refused because the guard failed.</summary>
    private static ApplicationState? Outcome(TransitionResult result)
    {
        Assert.True(result.IsAllowed || result.Refusal == RefusalKind.GuardFailed, result.Reason);
        return result.IsAllowed ? result.Next : null;
    }
}
