using System.Globalization;

namespace DataIp.Domain.Registration;

/// <summary>
/// The guards of the lifecycle table. Each returns <see langword="null"/> when the act may go ahead,
/// otherwise a lower-case clause saying why not, which <see cref="LifecycleReasons.GuardFailed"/>
/// turns into a sentence. A missing deadline or period fails the guard: the caller forgot to
/// supply it, and guessing would let an act through that the record does not support.
/// </summary>
internal static class LifecycleGuards
{
    /// <summary>The guard of a row that has none.</summary>
    internal static string? None(TransitionContext context) => null;

    /// <summary>Resubmission is on time strictly before the correction deadline (DOMAIN §4).</summary>
    internal static string? BeforeCorrectionDeadline(TransitionContext context) => context.CorrectionDeadline switch
    {
        null => "no correction deadline is set",
        var deadline when context.Now >= deadline => $"the correction deadline passed at {Instant(deadline.Value)}",
        _ => null,
    };

    /// <summary>An unanswered correction request lapses from the correction deadline on.</summary>
    internal static string? CorrectionDeadlinePassed(TransitionContext context) => context.CorrectionDeadline switch
    {
        null => "no correction deadline is set",
        var deadline when context.Now < deadline =>
            $"the correction deadline has not passed yet; it passes at {Instant(deadline.Value)}",
        _ => null,
    };

    /// <summary>Objections are accepted only during the public notice period (DOMAIN §4 [design]).</summary>
    internal static string? DuringNoticePeriod(TransitionContext context) => context.NoticeEndsAt switch
    {
        null => "no public notice period is set",
        var end when context.Now >= end =>
            $"objections may be filed only during the public notice period, which ended at {Instant(end.Value)}",
        _ => null,
    };

    /// <summary>Registration needs the notice period to have ended with no open objection (DOMAIN §4).</summary>
    internal static string? NoticeEndedWithoutOpenObjection(TransitionContext context) => context.NoticeEndsAt switch
    {
        null => "no public notice period is set",
        var end when context.Now < end => $"the public notice period has not ended yet; it ends at {Instant(end.Value)}",
        _ when context.OpenObjections == 1 => "1 objection is still open",
        _ when context.OpenObjections > 1 => $"{context.OpenObjections} objections are still open",
        _ => null,
    };

    /// <summary>Only an open objection can be dismissed.</summary>
    internal static string? HasOpenObjection(TransitionContext context) =>
        context.OpenObjections >= 1 ? null : "there is no open objection to dismiss";

    /// <summary>
    /// A registration is renewed only while valid and within the renewal window: from the day
    /// <c>RenewalWindowDays - 1</c> days before the last day of validity, to that last day (China time).
    /// </summary>
    internal static string? WithinRenewalWindow(TransitionContext context)
    {
        if (context.ValidUntil is not { } last)
        {
            return "no validity is recorded";
        }

        var today = Calendar.ChinaTime.ToChinaDate(context.Now);
        var opens = last.AddDays(-(context.RenewalWindowDays - 1));
        return today > last ? $"validity ended on {Date(last)}"
            : today < opens ? $"the renewal window opens on {Date(opens)}, {context.RenewalWindowDays} days before validity ends on {Date(last)}"
            : null;
    }

    /// <summary>A registration expires from the day after its last day of validity (China time).</summary>
    internal static string? ValidityEnded(TransitionContext context) => context.ValidUntil switch
    {
        null => "no validity is recorded",
        var last when Calendar.ChinaTime.ToChinaDate(context.Now) <= last => $"it is valid until {Date(last.Value)}",
        _ => null,
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Formats an instant for a reason: ISO 8601 round-trip, invariant culture.</summary>
    internal static string Instant(DateTimeOffset instant) => instant.ToString("o", CultureInfo.InvariantCulture);
}
