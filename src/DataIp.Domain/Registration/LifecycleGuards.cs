namespace DataIp.Domain.Registration;

/// <summary>
/// The guards of the lifecycle table. Each returns <see langword="null"/> when the act may go ahead,
/// otherwise the <see cref="GuardFailure"/> saying why not, which <see cref="LifecycleReasons.GuardFailed"/>
/// turns into a sentence. A missing deadline or period fails the guard: the caller forgot to
/// supply it, and guessing would let an act through that the record does not support.
/// </summary>
internal static class LifecycleGuards
{
    /// <summary>The guard of a row that has none.</summary>
    internal static GuardFailure? None(TransitionContext context) => null;

    /// <summary>Resubmission is on time strictly before the correction deadline (DOMAIN §4).</summary>
    internal static GuardFailure? BeforeCorrectionDeadline(TransitionContext context) => context.CorrectionDeadline switch
    {
        null => new(GuardCode.NoCorrectionDeadline),
        var deadline when context.Now >= deadline => new(GuardCode.CorrectionDeadlinePassed, deadline.Value),
        _ => null,
    };

    /// <summary>An unanswered correction request lapses from the correction deadline on.</summary>
    internal static GuardFailure? CorrectionDeadlinePassed(TransitionContext context) => context.CorrectionDeadline switch
    {
        null => new(GuardCode.NoCorrectionDeadline),
        var deadline when context.Now < deadline => new(GuardCode.CorrectionDeadlineNotPassed, deadline.Value),
        _ => null,
    };

    /// <summary>Objections are accepted only during the public notice period (DOMAIN §4 [design]).</summary>
    internal static GuardFailure? DuringNoticePeriod(TransitionContext context) => context.NoticeEndsAt switch
    {
        null => new(GuardCode.NoNoticePeriod),
        var end when context.Now >= end => new(GuardCode.NoticePeriodEnded, end.Value),
        _ => null,
    };

    /// <summary>Registration needs the notice period to have ended with no open objection (DOMAIN §4).</summary>
    internal static GuardFailure? NoticeEndedWithoutOpenObjection(TransitionContext context) => context.NoticeEndsAt switch
    {
        null => new(GuardCode.NoNoticePeriod),
        var end when context.Now < end => new(GuardCode.NoticePeriodNotEnded, end.Value),
        _ when context.OpenObjections == 1 => new(GuardCode.OneObjectionOpen),
        _ when context.OpenObjections > 1 => new(GuardCode.ObjectionsOpen, context.OpenObjections),
        _ => null,
    };

    /// <summary>Only an open objection can be dismissed.</summary>
    internal static GuardFailure? HasOpenObjection(TransitionContext context) =>
        context.OpenObjections >= 1 ? null : new(GuardCode.NoOpenObjection);

    /// <summary>
    /// A registration is renewed only while valid and within the renewal window: from the day
    /// <c>RenewalWindowDays - 1</c> days before the last day of validity, to that last day (China time).
    /// </summary>
    internal static GuardFailure? WithinRenewalWindow(TransitionContext context)
    {
        if (context.ValidUntil is not { } last)
        {
            return new(GuardCode.NoValidity);
        }

        var today = Calendar.ChinaTime.ToChinaDate(context.Now);
        var opens = last.AddDays(-(context.RenewalWindowDays - 1));
        return today > last ? new(GuardCode.ValidityEnded, last)
            : today < opens ? new(GuardCode.RenewalWindowNotOpen, opens, context.RenewalWindowDays, last)
            : null;
    }

    /// <summary>A registration expires from the day after its last day of validity (China time).</summary>
    internal static GuardFailure? ValidityEnded(TransitionContext context) => context.ValidUntil switch
    {
        null => new(GuardCode.NoValidity),
        var last when Calendar.ChinaTime.ToChinaDate(context.Now) <= last => new(GuardCode.StillValid, last.Value),
        _ => null,
    };
}
