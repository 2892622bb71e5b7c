using DataIp.Domain.Calendar;

namespace DataIp.Web.Demo;

/// <summary>
/// When the demo's history happened, counted back from the real time at which the demo is seeded
/// (<see cref="Now"/>), so that on any date the demo holds every state the README promises: a
/// registration old enough to be in its renewal window, registrations of about a year ago with
/// the register of rights on them, and applications in progress begun a few hours ago whose
/// deadlines lie ahead. Every instant it gives lies before <see cref="Now"/>.
/// </summary>
/// <remarks>
/// Days are China dates; people act at 10:00 China time on weekdays (the platform's own acts,
/// such as a registration when a notice has ended, at 09:00 on any day). The margins are wide
/// enough for the longest notice and correction periods of the demo's bodies (15 calendar days,
/// 30 calendar days, 10 working days), holidays included: <c>DemoFlow</c> refuses an act dated
/// before the one before it or after <see cref="Now"/>, and the demo's tests seed it on several
/// dates of the year.
/// </remarks>
/// <param name="now">The real time at which the demo is seeded.</param>
internal sealed class DemoTimeline(DateTimeOffset now)
{
    /// <summary>The real time at which the demo is seeded: no act is dated after it.</summary>
    public DateTimeOffset Now { get; } = now.ToUniversalTime();

    /// <summary>Today in China.</summary>
    public DateOnly Today => ChinaTime.ToChinaDate(Now);

    /// <summary>
    /// The renewed registration is submitted about 35 months ago: registered some 15–25 days later,
    /// its first three years of validity end 40–55 days from today, so its 90-day renewal window
    /// opened 35–50 days ago and <see cref="Renewal"/> lies inside it.
    /// </summary>
    public DateOnly RenewedSubmitted => Weekday(Today.AddYears(-3).AddDays(28));

    /// <summary>The first of the registrations of about a year ago is submitted 420 days ago; the
    /// others follow it one after the other, ending at the latest about 150 days later.</summary>
    public DateOnly YearAgo => Weekday(Today.AddDays(-420));

    /// <summary>The certificate of the transferred registration is re-issued about eight months ago.</summary>
    public DateOnly Reissue => Weekday(Today.AddDays(-240));

    /// <summary>The non-exclusive licence is recorded about seven months ago.</summary>
    public DateOnly Licence => Weekday(Today.AddDays(-210));

    /// <summary>The holder files the pledge a week later.</summary>
    public DateOnly PledgeFiled => Weekday(Today.AddDays(-203));

    /// <summary>The bank confirms the pledge three days later.</summary>
    public DateOnly PledgeConfirmed => Weekday(Today.AddDays(-199));

    /// <summary>The bank consents to an exclusive licence about six months ago.</summary>
    public DateOnly Consent => Weekday(Today.AddDays(-185));

    /// <summary>The exclusive licence is recorded the day after the consent.</summary>
    public DateOnly ExclusiveLicence => Weekday(Consent.AddDays(1));

    /// <summary>The transfer is offered about five months ago.</summary>
    public DateOnly TransferProposed => Weekday(Today.AddDays(-150));

    /// <summary>The transferee accepts a week later.</summary>
    public DateOnly TransferAccepted => Weekday(Today.AddDays(-143));

    /// <summary>The Shanghai registration is revoked about four months ago.</summary>
    public DateOnly Revocation => Weekday(Today.AddDays(-120));

    /// <summary>The renewal, about ten days ago, inside the renewal window (see <see cref="RenewedSubmitted"/>).</summary>
    public DateOnly Renewal => Weekday(Today.AddDays(-10));

    /// <summary>The applications in progress begin three hours ago, one act every few minutes.</summary>
    public DateTimeOffset InProgress => Now.AddHours(-3);

    /// <summary>The demo's accounts are created a week before the history's first act.</summary>
    public DateTimeOffset AccountsCreated => At(RenewedSubmitted.AddDays(-7), hour: 9);

    /// <summary>
    /// The years the demo's deadlines are counted in: from its history's first year to the year
    /// after this one (the deadlines of the applications in progress, and those of what a visitor
    /// does in the demo in the months ahead, reach into it).
    /// </summary>
    public IEnumerable<int> CalendarYears => Enumerable.Range(RenewedSubmitted.Year, Today.Year + 2 - RenewedSubmitted.Year);

    /// <summary>An instant on <paramref name="day"/> in China.</summary>
    public static DateTimeOffset At(DateOnly day, int hour = 10, int minute = 0) =>
        new DateTimeOffset(day.Year, day.Month, day.Day, hour, minute, 0, ChinaTime.Offset).ToUniversalTime();

    /// <summary>The day itself, or the Monday after it when it falls on a weekend.</summary>
    public static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };
}
