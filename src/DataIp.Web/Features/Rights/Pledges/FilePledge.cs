using DataIp.Data.Rights;

namespace DataIp.Web.Features.Rights.Pledges;

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

/// <summary>
/// A holder (naming the pledgee) or a bank (naming itself) files a pledge of a registration with
/// one holder; it is not in force until the other side confirms (DOMAIN §9).
/// </summary>
internal sealed class FilePledge(PledgeRequest request) : IActUseCase
{
    public LifecycleTrigger Trigger => LifecycleTrigger.FilePledge;

    public async Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        var app = context.Application;
        var (holders, _) = await Holders.OfAsync(context, cancellationToken).ConfigureAwait(false);
        var byPledgee = !context.Relations.Contains(Actor.Holder);
        var (pledgee, invalid) = await PledgeeAsync(context, byPledgee, cancellationToken).ConfigureAwait(false);
        var (money, field, error) = MoneyAmount.Parse(request.SecuredAmount, request.Currency);
        invalid ??= Holders.RequireSole(app, holders, RefusalKey.PhrasePledgeIt)
            ?? (string.IsNullOrWhiteSpace(request.ContractNumber) || request.ContractNumber.Trim().Length > 100
                ? Refusal.Invalid("contractNumber", RefusalKey.ContractNumber) : null)
            ?? (money is null ? Refusal.Invalid(field == "amount" ? "securedAmount" : "currency",
                RefusalMessage.Worded(error!, field == "amount" ? RefusalKey.AmountInvalid : RefusalKey.CurrencyInvalid)) : null)
            ?? RightsChecks.Rights(app, request.Rights, RefusalKey.PhrasePledged) ?? RightsChecks.Term(app, request.StartsOn, request.EndsOn)
            ?? context.Decide(RightsTables.Pledges, null, new RightsContext());
        if (invalid is not null)
        {
            return invalid;
        }

        var pledge = new PledgeRecord
        {
            Id = Guid.CreateVersion7(),
            Number = await RightsChecks.NextNumberAsync(context, 'P', cancellationToken).ConfigureAwait(false),
            ApplicationId = app.Id,
            PledgeeAccountId = pledgee!.Id,
            PledgeeName = pledgee.DisplayName,
            HolderAccountId = holders[0].AccountId ?? Guid.Empty,
            FiledBy = RightsParticulars.Stored(byPledgee ? PledgeSide.Pledgee : PledgeSide.Holder),
            ContractNumber = request.ContractNumber!.Trim(),
            SecuredAmount = money!.Amount,
            Currency = money.Currency,
            StartsOn = request.StartsOn!.Value,
            EndsOn = request.EndsOn!.Value,
            Rights = RightsChecks.RightsText(request.Rights!),
            Status = PledgeStatus.Filed,
            FiledAt = context.Now,
        };
        context.Db.Pledges.Add(pledge);
        context.Record(new FilePledgeAct { Pledge = RightsParticulars.Of(pledge), ContractNumber = pledge.ContractNumber });
        return null;
    }

    // A bank files for itself; a holder names the bank.
    private async Task<(Account? Pledgee, Refusal? Refusal)> PledgeeAsync(ActContext context, bool byPledgee, CancellationToken cancellationToken)
    {
        if (!byPledgee)
        {
            return await RightsChecks.AccountAsync(context.Db, request.PledgeeAccountId, "pledgeeAccountId", AccountRole.Pledgee, RefusalKey.PartyPledgee, cancellationToken)
                .ConfigureAwait(false);
        }

        if (request.PledgeeAccountId is { } named && named != context.Party.AccountId)
        {
            return (null, Refusal.Invalid("pledgeeAccountId", RefusalKey.PledgeeFilesForItself));
        }

        return (await context.Db.Users.AsNoTracking().SingleAsync(a => a.Id == context.Party.AccountId, cancellationToken).ConfigureAwait(false), null);
    }
}
