using DataIp.Domain.Registration;
using DataIp.Domain.Rights;

namespace DataIp.Web.Features.Rights;

/// <summary>A licence to record.</summary>
/// <param name="LicenseeName">The licensee's name.</param>
/// <param name="LicenseeIdentifier">Its unified social credit code or ID number (private; digested in the log).</param>
/// <param name="LicenseeAccountId">Its account on the platform, if it has one: it is then told of acts on the registration.</param>
/// <param name="Kind">exclusive, sole or nonExclusive.</param>
/// <param name="Rights">The rights licensed, each held by the registration.</param>
/// <param name="Scope">What the licensee may do.</param>
/// <param name="Territory">Where.</param>
/// <param name="StartsOn">First day of the term.</param>
/// <param name="EndsOn">Last day of the term.</param>
/// <param name="SubLicensing">Whether sub-licensing is allowed.</param>
public sealed record LicenceRequest(
    string? LicenseeName, string? LicenseeIdentifier, Guid? LicenseeAccountId, LicenceKind? Kind, List<DataRight>? Rights,
    string? Scope, string? Territory, DateOnly? StartsOn, DateOnly? EndsOn, bool? SubLicensing);

/// <summary>A pledge to file (by the holder, naming the pledgee; or by the pledgee, naming nobody).</summary>
/// <param name="PledgeeAccountId">The pledgee's account, when the holder files.</param>
/// <param name="ContractNumber">The pledge contract's number (private; digested in the log).</param>
/// <param name="SecuredAmount">The secured amount, digits with an optional decimal point.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="StartsOn">First day of the secured term.</param>
/// <param name="EndsOn">Last day of the secured term.</param>
/// <param name="Rights">The rights pledged.</param>
public sealed record PledgeRequest(
    Guid? PledgeeAccountId, string? ContractNumber, string? SecuredAmount, string? Currency, DateOnly? StartsOn, DateOnly? EndsOn, List<DataRight>? Rights);

/// <summary>A pledgee's consent.</summary>
/// <param name="Purpose">transfer, cancellation or exclusiveLicence.</param>
/// <param name="Reference">For a transfer, its number; for an exclusive licence, the licensee's name; omitted for any.</param>
public sealed record ConsentRequest(ConsentPurpose? Purpose, string? Reference);

/// <summary>A transfer to offer.</summary>
/// <param name="TransfereeAccountId">The transferee's account (an applicant account).</param>
/// <param name="Share">The share transferred in basis points of the whole (10000 = all); omitted for the holder's whole share.</param>
/// <param name="Reason">Why (e.g. the contract's reference); private.</param>
public sealed record TransferRequest(Guid? TransfereeAccountId, int? Share, string? Reason);

/// <summary>Particulars to change; at least one.</summary>
/// <param name="DataName">The new data name.</param>
/// <param name="ApplicationScenarios">The new application scenarios.</param>
/// <param name="UpdateFrequency">The new update frequency.</param>
/// <param name="HolderName">The requesting holder's new name (after a corporate rename).</param>
/// <param name="Reason">Why.</param>
public sealed record ChangeParticularsRequest(
    string? DataName, List<string>? ApplicationScenarios, UpdateFrequency? UpdateFrequency, string? HolderName, string? Reason);
