using DataIp.Domain.Calendar;

namespace DataIp.Domain.Registration;

/// <summary>A certificate's legal status as the public record shows it (docs/certificate.md).</summary>
public enum CertificateStatus
{
    /// <summary>In force: registered, within its validity, not replaced.</summary>
    Valid,

    /// <summary>In force and encumbered by an active pledge .</summary>
    Pledged,

    /// <summary>Past the last day of its validity.</summary>
    Expired,

    /// <summary>Replaced by a later certificate of the same registration (change, renewal, transfer, re-issue).</summary>
    Superseded,

    /// <summary>Cancelled by its holder.</summary>
    Cancelled,

    /// <summary>The registration was revoked by the registration body.</summary>
    Revoked,
}

/// <summary>
/// How a certificate's status is decided: one rule for the record (the certificate record)
/// and the status check (the status check), so that the two never disagree.
/// </summary>
public static class CertificateStatusRules
{
    /// <summary>
    /// Revocation first, then cancellation, then replacement, then the end of validity (by the
    /// date in China, the last day of validity still valid, or by the recorded expiry), then an
    /// active pledge.
    /// </summary>
    public static CertificateStatus Decide(ApplicationState state, bool superseded, DateOnly validUntil, DateOnly today, int activePledges = 0) =>
        state == ApplicationState.Revoked ? CertificateStatus.Revoked
        : state == ApplicationState.Cancelled ? CertificateStatus.Cancelled
        : superseded ? CertificateStatus.Superseded
        : state == ApplicationState.Expired || today > validUntil ? CertificateStatus.Expired
        : activePledges > 0 ? CertificateStatus.Pledged
        : CertificateStatus.Valid;

    /// <summary>The reasons shown with a status: the revocation's.</summary>
    public static string? Reason(CertificateStatus status, string? decisionReasons) =>
        status == CertificateStatus.Revoked ? decisionReasons : null;

    /// <summary>Since when the status holds, where the register knows it.</summary>
    public static DateTimeOffset? Since(CertificateStatus status, DateTimeOffset? decidedAt, DateOnly validUntil) => status switch
    {
        CertificateStatus.Revoked or CertificateStatus.Cancelled => decidedAt,
        CertificateStatus.Expired => ChinaTime.StartOfDay(validUntil.AddDays(1)),
        _ => null,
    };
}
