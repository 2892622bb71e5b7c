using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace DataIp.Domain.Calendar;

/// <summary>
/// The outcome of <see cref="WorkingDayCalendar.ComputePeriodEnd"/>: either the last day of the
/// period, or a refusal because a year it needed has no calendar (DOMAIN §5: refused, never guessed).
/// Exactly one of <see cref="LastDay"/> and <see cref="MissingYear"/> is meaningful. Immutable.
/// </summary>
public sealed record PeriodEnd
{
    private readonly DateOnly _lastDay;

    private PeriodEnd(DateOnly lastDay, int? missingYear, string? refusal)
    {
        _lastDay = lastDay;
        MissingYear = missingYear;
        Refusal = refusal;
    }

    /// <summary>True when the period end was computed; false when it was refused.</summary>
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsComputed => Refusal is null;

    /// <summary>
    /// The last day of the period (China Standard Time); the period ends at the end of it, i.e. at
    /// <see cref="EndsAt"/>. Only meaningful when <see cref="IsComputed"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The computation was refused.</exception>
    public DateOnly LastDay => IsComputed ? _lastDay : throw new InvalidOperationException(Refusal);

    /// <summary>The instant the period runs out: the end of <see cref="LastDay"/> in China Standard Time.</summary>
    /// <exception cref="InvalidOperationException">The computation was refused.</exception>
    public DateTimeOffset EndsAt => ChinaTime.EndOfDay(LastDay);

    /// <summary>The year with no calendar that stopped the computation; null when computed.</summary>
    public int? MissingYear { get; }

    /// <summary>A message for the user saying which year is missing and what to do; null when computed.</summary>
    public string? Refusal { get; }

    /// <summary>A computed period end.</summary>
    /// <param name="lastDay">The last day of the period.</param>
    /// <returns>A result with <see cref="IsComputed"/> true.</returns>
    public static PeriodEnd Computed(DateOnly lastDay) => new(lastDay, null, null);

    /// <summary>A refusal because no calendar has been entered for <paramref name="missingYear"/>.</summary>
    /// <param name="missingYear">The year that must be entered before the deadline can be computed.</param>
    /// <returns>A result with <see cref="IsComputed"/> false and a message naming the year.</returns>
    public static PeriodEnd Refused(int missingYear) => new(default, missingYear, string.Create(
        CultureInfo.InvariantCulture,
        $"No working-day calendar has been entered for {missingYear}; an administrator must enter the State Council's holiday notice for {missingYear} before this deadline can be computed."));

    // The compiler-generated PrintMembers would read LastDay, which throws on a refusal.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(IsComputed
            ? string.Create(CultureInfo.InvariantCulture, $"LastDay = {_lastDay:yyyy-MM-dd}")
            : string.Create(CultureInfo.InvariantCulture, $"MissingYear = {MissingYear}"));
        return true;
    }
}
