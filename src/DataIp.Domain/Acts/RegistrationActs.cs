using DataIp.Domain.Registration;

namespace DataIp.Domain.Acts;

/// <summary>Acts that issue a new certificate for the registration.</summary>
public abstract record CertifyingPayload : RegistrationPayload
{
    /// <summary>The certificate issued with the act (current after it).</summary>
    [Disclosed(Disclosure.Public)] public string? CertificateNumber { get; init; }
}

/// <summary><c>register</c>: the registration number, validity, first holders and certificate.</summary>
public sealed record RegisterAct : CertifyingPayload
{
    /// <summary>The registration date (China).</summary>
    [Disclosed(Disclosure.Public)] public required DateOnly RegistrationDate { get; init; }

    /// <summary>The last day of validity.</summary>
    [Disclosed(Disclosure.Public)] public required DateOnly ValidUntil { get; init; }

    /// <summary>The applicant's name.</summary>
    [Disclosed(Disclosure.PublicFromNotice)] public string? Holder { get; init; }

    /// <summary>The rights registered.</summary>
    [Disclosed(Disclosure.PublicFromNotice)] public IReadOnlyList<DataRight>? Rights { get; init; }

    /// <summary>The first holders and their shares.</summary>
    [Disclosed(Disclosure.Public)] public IReadOnlyList<HolderShare>? Holders { get; init; }
}

/// <summary>
/// <c>issueCertificate</c>: a certificate issued, logged right after the act that issues it
/// (registration, re-issue, approved change, renewal, accepted transfer); its credential names this
/// act's log index.
/// </summary>
public sealed record IssueCertificateAct : ActPayload
{
    /// <summary>The new certificate's number.</summary>
    [Disclosed(Disclosure.Public)] public required string CertificateNumber { get; init; }

    /// <summary>The registration.</summary>
    [Disclosed(Disclosure.Public)] public required string RegistrationNumber { get; init; }

    /// <summary>The application number.</summary>
    [Disclosed(Disclosure.Public)] public string? ApplicationNumber { get; init; }

    /// <summary>The body.</summary>
    [Disclosed(Disclosure.Public)] public required string BodyCode { get; init; }

    /// <summary>The data's name as printed.</summary>
    [Disclosed(Disclosure.PublicFromNotice)] public string? DataName { get; init; }

    /// <summary>The holders' names as printed (joined with 、).</summary>
    [Disclosed(Disclosure.PublicFromNotice)] public string? Holder { get; init; }

    /// <summary>The last day of validity printed.</summary>
    [Disclosed(Disclosure.Public)] public DateOnly? ValidUntil { get; init; }

    /// <summary>The certificate this one replaces, if any.</summary>
    [Disclosed(Disclosure.Public)] public string? Supersedes { get; init; }
}

/// <summary><c>reissueCertificate</c>: the reasons stay with the parties.</summary>
public sealed record ReissueCertificateAct : CertifyingPayload
{
    /// <summary>The certificate superseded.</summary>
    [Disclosed(Disclosure.Public)] public string? Supersedes { get; init; }
}

/// <summary><c>revoke</c> (撤销登记): the reasons are public.</summary>
public sealed record RevokeAct : CertifyingPayload;

/// <summary><c>expire</c>: validity ended without renewal.</summary>
public sealed record ExpireAct : RegistrationPayload
{
    /// <summary>The last day of validity that passed.</summary>
    [Disclosed(Disclosure.Public)] public DateOnly? ValidUntil { get; init; }
}

/// <summary><c>renew</c>: validity extended, a new certificate issued.</summary>
public sealed record RenewAct : CertifyingPayload
{
    /// <summary>The last day of validity before the renewal.</summary>
    [Disclosed(Disclosure.Public)] public required DateOnly PreviousValidUntil { get; init; }

    /// <summary>The new last day of validity.</summary>
    [Disclosed(Disclosure.Public)] public required DateOnly ValidUntil { get; init; }
}

/// <summary><c>cancel</c> (注销) by the holder.</summary>
public sealed record CancelAct : CertifyingPayload
{
    /// <summary>The pledges whose pledgees' consents the act used.</summary>
    [Disclosed(Disclosure.Public)] public IReadOnlyList<string>? Consents { get; init; }
}

/// <summary><c>requestChange</c>: a holder asks to change particulars.</summary>
public sealed record RequestChangeAct : RegistrationPayload
{
    /// <summary>The change request's id.</summary>
    [Disclosed(Disclosure.Public)] public required Guid ChangeId { get; init; }

    /// <summary>What is asked for.</summary>
    [Disclosed(Disclosure.Public)] public required ParticularsChange Changes { get; init; }
}

/// <summary><c>approveChange</c>: the particulars change and a new certificate is issued.</summary>
public sealed record ApproveChangeAct : CertifyingPayload
{
    /// <summary>The change request's id.</summary>
    [Disclosed(Disclosure.Public)] public required Guid ChangeId { get; init; }

    /// <summary>What changed.</summary>
    [Disclosed(Disclosure.Public)] public required ParticularsChange Changes { get; init; }

    /// <summary>The holders after the change.</summary>
    [Disclosed(Disclosure.Public)] public IReadOnlyList<HolderShare>? Holders { get; init; }
}

/// <summary><c>refuseChange</c>: the reasons are public.</summary>
public sealed record RefuseChangeAct : RegistrationPayload
{
    /// <summary>The change request's id.</summary>
    [Disclosed(Disclosure.Public)] public required Guid ChangeId { get; init; }
}
