using DataIp.Domain.Rights;

namespace DataIp.Domain.Acts;

/// <summary><c>proposeTransfer</c>: a holder offers its share, or part of it.</summary>
public sealed record ProposeTransferAct : RegistrationPayload
{
    /// <summary>The transfer offered.</summary>
    [Disclosed(Disclosure.Public)] public required TransferParticulars Transfer { get; init; }
}

/// <summary><c>acceptTransfer</c>: the share moves and a new certificate is issued.</summary>
public sealed record AcceptTransferAct : CertifyingPayload
{
    /// <summary>The transfer accepted.</summary>
    [Disclosed(Disclosure.Public)] public required TransferParticulars Transfer { get; init; }

    /// <summary>The holders after it.</summary>
    [Disclosed(Disclosure.Public)] public IReadOnlyList<HolderShare>? Holders { get; init; }

    /// <summary>The pledges whose pledgees' consents the act used.</summary>
    [Disclosed(Disclosure.Public)] public IReadOnlyList<string>? Consents { get; init; }
}

/// <summary><c>declineTransfer</c>: the transferee declines, or the holder withdraws, an offer.</summary>
public sealed record DeclineTransferAct : RegistrationPayload
{
    /// <summary>The transfer declined.</summary>
    [Disclosed(Disclosure.Public)] public required TransferParticulars Transfer { get; init; }
}

/// <summary><c>recordLicence</c>.</summary>
public sealed record RecordLicenceAct : RegistrationPayload
{
    /// <summary>The licence recorded.</summary>
    [Disclosed(Disclosure.Public)] public required LicenceParticulars Licence { get; init; }

    /// <summary>The licensee's unified social credit code or ID number.</summary>
    [Disclosed(Disclosure.Parties)] public string? LicenseeIdentifier { get; init; }

    /// <summary>The pledges whose pledgees' consents the act used (an exclusive or sole licence).</summary>
    [Disclosed(Disclosure.Public)] public IReadOnlyList<string>? Consents { get; init; }
}

/// <summary>Acts on one pledge's particulars.</summary>
public abstract record PledgePayload : RegistrationPayload
{
    /// <summary>The pledge after the act.</summary>
    [Disclosed(Disclosure.Public)] public required PledgeParticulars Pledge { get; init; }

    /// <summary>The pledge contract's number.</summary>
    [Disclosed(Disclosure.Parties)] public string? ContractNumber { get; init; }
}

/// <summary><c>filePledge</c>: not in force until the other side confirms.</summary>
public sealed record FilePledgeAct : PledgePayload;

/// <summary><c>confirmPledge</c>: registered, ranked by the time of registration.</summary>
public sealed record ConfirmPledgeAct : PledgePayload;

/// <summary><c>consentToAct</c>: a pledgee's consent to one act.</summary>
public sealed record ConsentToActAct : RegistrationPayload
{
    /// <summary>The pledge consenting.</summary>
    [Disclosed(Disclosure.Public)] public required string PledgeNumber { get; init; }

    /// <summary>What it consents to.</summary>
    [Disclosed(Disclosure.Public)] public required ConsentPurpose Purpose { get; init; }

    /// <summary>Which act: a transfer's number, an exclusive licensee's name; absent for any.</summary>
    [Disclosed(Disclosure.Public)] public string? Reference { get; init; }
}

/// <summary><c>releasePledge</c>: the reasons are public.</summary>
public sealed record ReleasePledgeAct : RegistrationPayload
{
    /// <summary>The pledge released.</summary>
    [Disclosed(Disclosure.Public)] public required string PledgeNumber { get; init; }

    /// <summary>On what it was released.</summary>
    [Disclosed(Disclosure.Public)] public required ReleaseBasis Basis { get; init; }

    /// <summary>The court order's number (案号), for a release on a court order.</summary>
    [Disclosed(Disclosure.Public)] public string? CourtOrderNumber { get; init; }

    /// <summary>
    /// The court that issued the order (e.g. 深圳市中级人民法院), for a release on a court order. Every
    /// court-order release since the court and the date were recorded has it; entries written
    /// before lack it and still read, verify and replay (docs/transparency-log.md).
    /// </summary>
    [Disclosed(Disclosure.Public)] public string? CourtName { get; init; }

    /// <summary>The day the court order was made (China time), for a release on a court order; absent from entries written before it was recorded, as <see cref="CourtName"/>.</summary>
    [Disclosed(Disclosure.Public)] public DateOnly? CourtOrderDate { get; init; }

    /// <summary>The court order's SHA-256, lowercase hex.</summary>
    [Disclosed(Disclosure.Parties)] public string? CourtOrderSha256 { get; init; }
}
