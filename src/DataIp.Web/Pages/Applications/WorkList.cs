using System.Linq.Expressions;

namespace DataIp.Web.Pages.Applications;

/// <summary>Whose move an application waits for.</summary>
public enum NextMove
{
    /// <summary>An examiner of its body: take it up, decide, rule on an objection.</summary>
    Examiner,

    /// <summary>Its applicant: submit the draft, answer a correction request.</summary>
    Applicant,

    /// <summary>The public notice: anyone may object until it ends.</summary>
    Notice,

    /// <summary>Nobody: it is decided.</summary>
    None,
}

/// <summary>Which of an application's recorded last days is its deadline.</summary>
public enum DeadlineDay
{
    /// <summary>None: nobody's move has a last day.</summary>
    None,

    /// <summary>The correction's last day (<c>CorrectionLastDay</c>), while its applicant must answer.</summary>
    Correction,

    /// <summary>The notice's last day (<c>NoticeLastDay</c>), while the public may object.</summary>
    Notice,
}

/// <summary>The work list's deadline filter: the deadline counted from today, in working days of the calendar.</summary>
public enum DeadlineFilter
{
    /// <summary>The last day has passed (the platform has not yet closed the period).</summary>
    Overdue,

    /// <summary>The last day is today or one of the next 3 working days.</summary>
    Within3,

    /// <summary>The last day is today or one of the next 10 working days.</summary>
    Within10,

    /// <summary>No deadline.</summary>
    None,
}

/// <summary>An application in a work queue: whose move it waits for, and by when.</summary>
/// <param name="Application">The application.</param>
/// <param name="Move">Whose move.</param>
/// <param name="Deadline">The last day of that move, when there is one (a correction, a notice).</param>
public sealed record WorkItem(ApplicationSummary Application, NextMove Move, DateOnly? Deadline);

/// <summary>
/// The applications a person sees, as a work queue: whose move each waits for, read from the
/// lifecycle table (which acts each party may take in its state), and the most urgent first: the
/// viewer's own moves (an objection to rule on first, then the longest waiting), then those with a
/// deadline, nearest first, then the decided ones, newest first.
/// </summary>
public static class WorkList
{
    // The acts that are an examiner's work on an application (not what may follow a registration).
    private static readonly HashSet<LifecycleTrigger> ExaminerWork =
    [
        LifecycleTrigger.StartExamination, LifecycleTrigger.RequestCorrection, LifecycleTrigger.PassFormalExamination,
        LifecycleTrigger.PassSubstantiveExamination, LifecycleTrigger.Reject, LifecycleTrigger.UpholdObjection, LifecycleTrigger.DismissObjection,
    ];

    private static readonly HashSet<LifecycleTrigger> ApplicantWork = [LifecycleTrigger.Submit, LifecycleTrigger.Resubmit];

    /// <summary>Whose move an application in <paramref name="state"/> waits for.</summary>
    public static NextMove MoveOf(ApplicationState state) =>
        Lifecycle.AvailableTriggers(state, Actor.Examiner).Any(ExaminerWork.Contains) ? NextMove.Examiner
        : Lifecycle.AvailableTriggers(state, Actor.Applicant).Any(ApplicantWork.Contains) ? NextMove.Applicant
        : Lifecycle.AvailableTriggers(state, Actor.Public).Contains(LifecycleTrigger.FileObjection) ? NextMove.Notice
        : NextMove.None;

    /// <summary>Which recorded last day is the deadline of an application in <paramref name="state"/>: the one rule the list shows and the deadline filter queries.</summary>
    public static DeadlineDay DeadlineIn(ApplicationState state) => MoveOf(state) switch
    {
        // A draft is the applicant's move too, with no deadline: only a requested correction has one.
        NextMove.Applicant when state == ApplicationState.CorrectionRequested => DeadlineDay.Correction,
        NextMove.Notice => DeadlineDay.Notice,
        _ => DeadlineDay.None,
    };

    /// <summary>The working days a <see cref="DeadlineFilter"/> looks ahead, or null for one that does not count days.</summary>
    public static int? WorkingDaysAhead(DeadlineFilter filter) => filter switch
    {
        DeadlineFilter.Within3 => 3,
        DeadlineFilter.Within10 => 10,
        _ => null,
    };

    /// <summary>Whether a state can pass the filter at all (a state with no deadline passes only <see cref="DeadlineFilter.None"/>).</summary>
    public static bool CanPass(ApplicationState state, DeadlineFilter filter) => filter == DeadlineFilter.None || DeadlineIn(state) != DeadlineDay.None;

    /// <summary>
    /// The filter as a query over the stored applications, by <see cref="DeadlineIn"/>: overdue
    /// before <paramref name="today"/>; within from <paramref name="today"/> to
    /// <paramref name="lastDay"/> (the last of the working days ahead; with no last day, every
    /// deadline from today on); none when the state's deadline day is not recorded or it has none.
    /// </summary>
    public static Expression<Func<ApplicationRecord, bool>> Due(DeadlineFilter filter, DateOnly today, DateOnly? lastDay)
    {
        var correction = Enum.GetValues<ApplicationState>().Where(s => DeadlineIn(s) == DeadlineDay.Correction).ToList();
        var notice = Enum.GetValues<ApplicationState>().Where(s => DeadlineIn(s) == DeadlineDay.Notice).ToList();
        var last = lastDay ?? DateOnly.MaxValue;
        return filter switch
        {
            DeadlineFilter.Overdue => a => (correction.Contains(a.State) && a.CorrectionLastDay < today) || (notice.Contains(a.State) && a.NoticeLastDay < today),
            DeadlineFilter.Within3 or DeadlineFilter.Within10 => a =>
                (correction.Contains(a.State) && a.CorrectionLastDay >= today && a.CorrectionLastDay <= last)
                || (notice.Contains(a.State) && a.NoticeLastDay >= today && a.NoticeLastDay <= last),
            DeadlineFilter.None => a => !(correction.Contains(a.State) && a.CorrectionLastDay != null) && !(notice.Contains(a.State) && a.NoticeLastDay != null),
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Not a deadline filter."),
        };
    }

    /// <summary>The applications as a queue for a viewer whose own moves are <paramref name="mine"/>, most urgent first.</summary>
    public static IReadOnlyList<WorkItem> Order(IEnumerable<ApplicationSummary> applications, NextMove mine) =>
        [.. applications.Select(Item)
            .OrderBy(i => i.Move == mine ? 0 : i.Deadline is not null ? 1 : i.Move == NextMove.None ? 3 : 2)
            .ThenByDescending(i => i.Application.OpenObjections)
            .ThenBy(i => i.Deadline ?? DateOnly.MaxValue)
            .ThenBy(i => (i.Move == NextMove.None ? -1 : 1) * (i.Application.SubmittedAt ?? i.Application.CreatedAt).UtcTicks)];

    private static WorkItem Item(ApplicationSummary a)
    {
        var deadline = DeadlineIn(a.State) switch
        {
            DeadlineDay.Correction => a.CorrectionLastDay,
            DeadlineDay.Notice => a.NoticeLastDay,
            _ => null,
        };
        return new WorkItem(a, MoveOf(a.State), deadline);
    }
}
