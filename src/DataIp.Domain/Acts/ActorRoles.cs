namespace DataIp.Domain.Acts;

/// <summary>
/// The roles an act's actor may have, as the log records them (<c>actor.role</c>): an account's
/// role, or the public (anyone without an account) or the platform itself. The log's readers (the
/// legal-status replay, <c>dataip log verify</c> and <c>dataip log audit</c>) accept exactly these.
/// </summary>
public static class ActorRoles
{
    /// <summary>An applicant or holder account.</summary>
    public const string Applicant = "applicant";

    /// <summary>An examiner of a registration body.</summary>
    public const string Examiner = "examiner";

    /// <summary>A national or body administrator.</summary>
    public const string Administrator = "administrator";

    /// <summary>A bank or guarantor account (质权人).</summary>
    public const string Pledgee = "pledgee";

    /// <summary>Anyone without an account (an objector, a self sign-up before the account exists).</summary>
    public const string Public = "public";

    /// <summary>The platform acting on a schedule or at start.</summary>
    public const string System = "system";

    /// <summary>Every role, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Applicant, Examiner, Administrator, Pledgee, Public, System];

    /// <summary>Whether <paramref name="role"/> is one of <see cref="All"/>.</summary>
    /// <param name="role">A role as logged.</param>
    /// <returns><see langword="true"/> for a known role.</returns>
    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
