using System.Globalization;

namespace DataIp.Domain.Registration;

/// <summary>
/// Why a guard of the lifecycle or of a rights table failed, as a code: each code has one English
/// clause here (<see cref="GuardFailure.Template(GuardCode)"/>, for the API and the CLI) and its words in both languages in
/// the web's resource files (<c>Refusal.Guard.&lt;code&gt;</c>), whose English must equal the template
/// (a test compares them).
/// </summary>
public enum GuardCode
{
    /// <summary>No correction deadline is recorded.</summary>
    NoCorrectionDeadline,

    /// <summary>The correction deadline (argument 0, an instant) has passed.</summary>
    CorrectionDeadlinePassed,

    /// <summary>The correction deadline (argument 0, an instant) has not passed yet.</summary>
    CorrectionDeadlineNotPassed,

    /// <summary>No public notice period is recorded.</summary>
    NoNoticePeriod,

    /// <summary>The public notice period ended (argument 0, an instant): objections are too late.</summary>
    NoticePeriodEnded,

    /// <summary>The public notice period has not ended yet (argument 0, an instant).</summary>
    NoticePeriodNotEnded,

    /// <summary>One objection is still open.</summary>
    OneObjectionOpen,

    /// <summary>Several objections (argument 0, their number) are still open.</summary>
    ObjectionsOpen,

    /// <summary>No objection is open to be dismissed.</summary>
    NoOpenObjection,

    /// <summary>No validity is recorded.</summary>
    NoValidity,

    /// <summary>Validity ended on argument 0 (a day).</summary>
    ValidityEnded,

    /// <summary>The renewal window opens on argument 0, argument 1 days before validity ends on argument 2.</summary>
    RenewalWindowNotOpen,

    /// <summary>The registration is still valid until argument 0 (a day).</summary>
    StillValid,

    /// <summary>Another change request awaits an examiner.</summary>
    ChangePending,

    /// <summary>The licence conflicts with licence argument 0 (its number).</summary>
    ConflictingLicence,

    /// <summary>The holder filed the pledge, so the pledgee confirms it.</summary>
    PledgeeConfirms,

    /// <summary>The pledgee filed the pledge, so the holder confirms it.</summary>
    HolderConfirms,

    /// <summary>The side that filed the pledge is not recorded.</summary>
    PledgeSideUnknown,

    /// <summary>An examiner releases a pledge only on a court order.</summary>
    CourtOrderNeeded,
}

/// <summary>A failed guard: its code and the facts its clause names (instants, days, counts, numbers).</summary>
/// <param name="Code">Which guard failed, and why.</param>
/// <param name="Args">The clause's arguments, in the order of its placeholders.</param>
public sealed record GuardFailure(GuardCode Code, params object[] Args)
{
    /// <summary>The English clause of <paramref name="code"/>, with .NET placeholders ({0}, {1}…).</summary>
    /// <param name="code">A guard code.</param>
    /// <returns>The template.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is not defined.</exception>
    public static string Template(GuardCode code) => code switch
    {
        GuardCode.NoCorrectionDeadline => "no correction deadline is set",
        GuardCode.CorrectionDeadlinePassed => "the correction deadline passed at {0}",
        GuardCode.CorrectionDeadlineNotPassed => "the correction deadline has not passed yet; it passes at {0}",
        GuardCode.NoNoticePeriod => "no public notice period is set",
        GuardCode.NoticePeriodEnded => "objections may be filed only during the public notice period, which ended at {0}",
        GuardCode.NoticePeriodNotEnded => "the public notice period has not ended yet; it ends at {0}",
        GuardCode.OneObjectionOpen => "1 objection is still open",
        GuardCode.ObjectionsOpen => "{0} objections are still open",
        GuardCode.NoOpenObjection => "there is no open objection to dismiss",
        GuardCode.NoValidity => "no validity is recorded",
        GuardCode.ValidityEnded => "validity ended on {0}",
        GuardCode.RenewalWindowNotOpen => "the renewal window opens on {0}, {1} days before validity ends on {2}",
        GuardCode.StillValid => "it is valid until {0}",
        GuardCode.ChangePending => "another change request of the registration awaits an examiner",
        GuardCode.ConflictingLicence => "it conflicts with licence {0}",
        GuardCode.PledgeeConfirms => "a pledge is registered jointly, and it was filed by the holder, so the pledgee confirms it",
        GuardCode.HolderConfirms => "a pledge is registered jointly, and it was filed by the pledgee, so the holder confirms it",
        GuardCode.PledgeSideUnknown => "the side that filed it is not recorded",
        GuardCode.CourtOrderNeeded => "an examiner releases a pledge only on a court order",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown guard code."),
    };

    /// <summary>
    /// The clause in English, culture-invariant: instants in ISO 8601 round-trip form, days as
    /// yyyy-MM-dd ("the correction deadline passed at 2025-10-10T16:00:00.0000000+00:00").
    /// </summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, Template(Code), [.. Args.Select(Invariant)]);

    /// <summary>An argument as the invariant English clause writes it.</summary>
    /// <param name="value">An argument of a clause.</param>
    /// <returns>The value to format.</returns>
    public static object Invariant(object value) => value switch
    {
        DateTimeOffset instant => instant.ToString("o", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value,
    };
}
