using DataIp.Domain.Fingerprinting;
using DataIp.Domain.Registration;
using DataIp.Domain.Rights;

namespace DataIp.Domain.Acts;

/// <summary>A holder and its share as acts record them.</summary>
/// <param name="Name">The holder's name.</param>
/// <param name="Share">Its share in basis points of the whole (10,000 = all).</param>
public sealed record HolderShare(string Name, int Share);

/// <summary>A pledge's public particulars as its acts record them (the contract number is private).</summary>
/// <param name="Number">The pledge's number, e.g. <c>2025…X-P001</c>.</param>
/// <param name="Pledgee">The pledgee's name.</param>
/// <param name="FiledBy">Which side filed it.</param>
/// <param name="SecuredAmount">The secured amount as decimal digits (never a binary float).</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="StartsOn">First day of the secured term.</param>
/// <param name="EndsOn">Last day of the secured term.</param>
/// <param name="Rights">The rights pledged.</param>
/// <param name="Status">Where the pledge stands after the act.</param>
/// <param name="Priority">Its rank once registered (1 first); absent while filed.</param>
public sealed record PledgeParticulars(
    string Number, string Pledgee, PledgeSide FiledBy, string SecuredAmount, string Currency, DateOnly StartsOn, DateOnly EndsOn,
    IReadOnlyList<DataRight> Rights, PledgeStatus Status, int? Priority = null);

/// <summary>A licence's public particulars (the licensee's identifier is private).</summary>
/// <param name="Number">The licence's number, e.g. <c>2025…X-L001</c>.</param>
/// <param name="Licensee">The licensee's name.</param>
/// <param name="Kind">Exclusive, sole or non-exclusive.</param>
/// <param name="Rights">The rights licensed.</param>
/// <param name="Scope">What the licensee may do.</param>
/// <param name="Territory">Where.</param>
/// <param name="StartsOn">First day of the term.</param>
/// <param name="EndsOn">Last day of the term.</param>
/// <param name="SubLicensing">Whether sub-licensing is allowed.</param>
public sealed record LicenceParticulars(
    string Number, string Licensee, LicenceKind Kind, IReadOnlyList<DataRight> Rights, string Scope, string Territory,
    DateOnly StartsOn, DateOnly EndsOn, bool SubLicensing);

/// <summary>A transfer's particulars.</summary>
/// <param name="Number">The transfer's number, e.g. <c>2025…X-T001</c>.</param>
/// <param name="From">The transferring holder's name.</param>
/// <param name="To">The transferee's name.</param>
/// <param name="Share">The share transferred, in basis points of the whole.</param>
/// <param name="Status">Where the transfer stands after the act.</param>
public sealed record TransferParticulars(string Number, string From, string To, int Share, TransferStatus Status);

/// <summary>The particulars a change asks for; at least one is given.</summary>
/// <param name="DataName">The new data name.</param>
/// <param name="ApplicationScenarios">The new application scenarios.</param>
/// <param name="UpdateFrequency">The new update frequency.</param>
/// <param name="HolderName">The requesting holder's new name.</param>
public sealed record ParticularsChange(
    string? DataName = null, IReadOnlyList<string>? ApplicationScenarios = null, UpdateFrequency? UpdateFrequency = null, string? HolderName = null);

/// <summary>The fingerprint particulars an act puts in the public log.</summary>
/// <param name="HashAlgorithm">sha256 or sm3.</param>
/// <param name="Root">The fingerprint root.</param>
/// <param name="ComputedAt">When the holder computed it.</param>
/// <param name="Mode">files or rows, for a manifest.</param>
public sealed record FingerprintParticulars(FingerprintAlgorithm? HashAlgorithm, string? Root, DateTimeOffset? ComputedAt, FingerprintMode? Mode);

/// <summary>An attachment an act names (its hash is a private member of the act).</summary>
/// <param name="Id">The attachment's id.</param>
/// <param name="FileName">Its file name.</param>
public sealed record AttachmentReference(Guid Id, string FileName);
