namespace DataIp.Domain.Registration;

/// <summary>
/// The facts a transition's guard and next-state choice depend on. The caller supplies them from
/// the application's record and the body's policy; the lifecycle itself holds no state and reads
/// no clock.
/// </summary>
/// <param name="Now">The instant the act is attempted.</param>
/// <param name="SubstantiveExaminationRequired">
/// The registration body's policy: whether a passed formal examination goes on to substantive
/// examination rather than straight to public notice.
/// </param>
/// <param name="CorrectionDeadline">
/// The instant the correction period ends; set while the application is
/// <see cref="ApplicationState.CorrectionRequested"/>. A resubmission at or after this instant is late.
/// </param>
/// <param name="NoticeEndsAt">
/// The instant the public notice period ends; set while the application is
/// <see cref="ApplicationState.PublicNotice"/> or <see cref="ApplicationState.ObjectionReview"/>.
/// Objections are accepted strictly before this instant; registration is possible from it on.
/// </param>
/// <param name="OpenObjections">The number of open objections before this act; never negative.</param>
/// <param name="ValidUntil">The last day of validity of a registration (China time); null before registration.</param>
/// <param name="RenewalWindowDays">
/// The body's policy: how many days before the end of validity a renewal may be filed (the last
/// day of validity counts as one of them).
/// </param>
public sealed record TransitionContext(
    DateTimeOffset Now,
    bool SubstantiveExaminationRequired,
    DateTimeOffset? CorrectionDeadline,
    DateTimeOffset? NoticeEndsAt,
    int OpenObjections,
    DateOnly? ValidUntil = null,
    int RenewalWindowDays = 90);
