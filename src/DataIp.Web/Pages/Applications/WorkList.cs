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

    /// <summary>The applications as a queue for a viewer whose own moves are <paramref name="mine"/>, most urgent first.</summary>
    public static IReadOnlyList<WorkItem> Order(IEnumerable<ApplicationSummary> applications, NextMove mine) =>
        [.. applications.Select(Item)
            .OrderBy(i => i.Move == mine ? 0 : i.Deadline is not null ? 1 : i.Move == NextMove.None ? 3 : 2)
            .ThenByDescending(i => i.Application.OpenObjections)
            .ThenBy(i => i.Deadline ?? DateOnly.MaxValue)
            .ThenBy(i => (i.Move == NextMove.None ? -1 : 1) * (i.Application.SubmittedAt ?? i.Application.CreatedAt).UtcTicks)];

    private static WorkItem Item(ApplicationSummary a)
    {
        var move = MoveOf(a.State);
        var deadline = move switch
        {
            NextMove.Applicant => a.CorrectionLastDay,
            NextMove.Notice => a.NoticeLastDay,
            _ => null,
        };
        return new WorkItem(a, move, deadline);
    }
}
