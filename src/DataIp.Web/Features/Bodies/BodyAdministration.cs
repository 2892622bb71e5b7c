using DataIp.Data.Bodies;
using DataIp.Domain.Numbering;

namespace DataIp.Web.Features.Bodies;

/// <summary>What adding a body or setting its policy came to: the body as stored after the act, or the refusal.</summary>
/// <param name="Body">The body, when the act was done.</param>
/// <param name="Act">The act recorded.</param>
/// <param name="Refusal">Why nothing was done.</param>
public sealed record BodyOutcome(RegistrationBody? Body, Act? Act, Refusal? Refusal)
{
    /// <summary>A refusal.</summary>
    public static implicit operator BodyOutcome(Refusal refusal) => new(null, null, refusal);
}

/// <summary>
/// Adding a registration body (<c>addBody</c>, national administrators) and setting a body's
/// policy (<c>changePolicy</c>, its administrator or a national one): the one code that the API
/// (<see cref="BodyEndpoints"/>) and the administrator's pages run. Each act is recorded in the
/// same transaction as the change it makes. Errors are keyed by the API's field names.
/// </summary>
public sealed class BodyAdministration(RegistryDbContext db, TimeProvider clock)
{
    /// <summary>Adds a body, its code defaulting to the first four digits of its region code.</summary>
    public async Task<BodyOutcome> AddAsync(AddBodyRequest request, ActingParty party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(party);
        if (party.Role != AccountRole.Administrator || party.BodyId is not null)
        {
            return Refusal.NotPermitted(RefusalKey.BodyNationalOnly);
        }

        var errors = new Dictionary<string, RefusalMessage[]>();
        if (request.RegionCode is not { Length: 6 } region || !region.All(char.IsAsciiDigit))
        {
            errors["regionCode"] = [new(RefusalKey.RegionCode)];
        }

        var code = string.IsNullOrWhiteSpace(request.Code)
            ? (errors.ContainsKey("regionCode") ? null : BodyCode.FromRegionCode(request.RegionCode!))
            : request.Code.Trim();
        if (!BodyCode.IsValid(code))
        {
            errors["code"] = [new(RefusalKey.BodyCodeInvalid)];
        }
        else if (await db.Bodies.AnyAsync(b => b.Code == code, ct).ConfigureAwait(false))
        {
            errors["code"] = [new(RefusalKey.BodyCodeTaken, code)];
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100)
        {
            errors["name"] = [new(RefusalKey.BodyName)];
        }

        if (request.NameEn?.Trim().Length > 200)
        {
            errors["nameEn"] = [new(RefusalKey.BodyNameEn)];
        }

        var policy = request.Policy ?? BodyPolicy.Default;
        foreach (var (field, message) in PolicyErrors(policy))
        {
            errors["policy." + field] = [message];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        await using var transaction = await ActTransaction.BeginAsync(db, clock, ct).ConfigureAwait(false);
        var now = transaction.Now;
        var body = new RegistrationBody
        {
            Code = code!,
            RegionCode = request.RegionCode!,
            Name = request.Name!.Trim(),
            NameEn = request.NameEn?.Trim() ?? "",
            Policy = policy,
            CreatedAt = now,
        };
        db.Bodies.Add(body);
        var recorded = await ActWriter.AppendAsync(db, party.Actor,
            new AddBodyAct { BodyCode = body.Code, RegionCode = body.RegionCode, Name = body.Name, Policy = policy }, null, now, null, noticeStarted: false, ct)
            .ConfigureAwait(false);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return new BodyOutcome(body, recorded.Act, null);
    }

    /// <summary>Sets the policy of body <paramref name="code"/>. Deadlines already set keep their dates.</summary>
    public async Task<BodyOutcome> SetPolicyAsync(string code, BodyPolicy policy, ActingParty party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(party);
        var body = await db.Bodies.SingleOrDefaultAsync(b => b.Code == code, ct).ConfigureAwait(false);
        if (body is null)
        {
            return Refusal.NotFound(RefusalKey.WhatBody, code);
        }

        if (!MayAdminister(party, body.Id))
        {
            return Refusal.NotPermitted(RefusalKey.BodyOwnPolicyOnly);
        }

        var errors = PolicyErrors(policy).ToDictionary(e => e.Field, e => new[] { e.Message });
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        await using var transaction = await ActTransaction.BeginAsync(db, clock, ct).ConfigureAwait(false);
        var recorded = await ActWriter.AppendAsync(db, party.Actor, new ChangePolicyAct { BodyCode = body.Code, PreviousPolicy = body.Policy, Policy = policy },
            null, transaction.Now, null, noticeStarted: false, ct).ConfigureAwait(false);
        body.Policy = policy;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return new BodyOutcome(body, recorded.Act, null);
    }

    /// <summary>Whether <paramref name="party"/> administers body <paramref name="bodyId"/>: a national administrator, or that body's.</summary>
    public static bool MayAdminister(ActingParty party, int bodyId)
    {
        ArgumentNullException.ThrowIfNull(party);
        return party.Role == AccountRole.Administrator && (party.BodyId is null || party.BodyId == bodyId);
    }

    /// <summary>What is wrong with a policy, by the API's field name; nothing when it is valid.</summary>
    public static IEnumerable<(string Field, RefusalMessage Message)> PolicyErrors(BodyPolicy p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.NoticeLength is < 1 or > 90)
        {
            yield return ("noticeLength", new(RefusalKey.PolicyNoticeLength));
        }

        if (p.CorrectionLength is < 1 or > 180)
        {
            yield return ("correctionLength", new(RefusalKey.PolicyCorrectionLength));
        }

        if (p.ValidityYears is < 1 or > 30)
        {
            yield return ("validityYears", new(RefusalKey.PolicyValidityYears));
        }

        if (p.RenewalWindowDays is < 1 or > 365)
        {
            yield return ("renewalWindowDays", new(RefusalKey.PolicyRenewalWindow));
        }

        if (!Enum.IsDefined(p.NoticeUnit) || !Enum.IsDefined(p.CorrectionUnit))
        {
            yield return ("noticeUnit", new(RefusalKey.PolicyUnits));
        }
    }
}
