using DataIp.Data.Rights;

namespace DataIp.Web.Features.Rights.Pledges;

/// <summary>A pledgee's consent.</summary>
/// <param name="Purpose">transfer, cancellation or exclusiveLicence.</param>
/// <param name="Reference">For a transfer, its number; for an exclusive licence, the licensee's name; omitted for any.</param>
public sealed record ConsentRequest(ConsentPurpose? Purpose, string? Reference);

/// <summary>The pledgee of a registered pledge records its consent to one act.</summary>
internal sealed class ConsentToAct(string pledgeNumber, ConsentRequest request) : PledgeAct(pledgeNumber)
{
    public override LifecycleTrigger Trigger => LifecycleTrigger.ConsentToAct;

    protected override Task<Refusal?> ApplyAsync(ActContext context, PledgeRecord pledge, CancellationToken cancellationToken)
    {
        var reference = string.IsNullOrWhiteSpace(request.Reference) ? null : request.Reference.Trim();
        var refused = (request.Purpose is null ? Refusal.Invalid("purpose", RefusalKey.ConsentPurposeMissing) : null)
            ?? (reference is { Length: > 200 } ? Refusal.Invalid("reference", RefusalKey.ConsentReference) : null);
        if (refused is not null)
        {
            return Task.FromResult<Refusal?>(refused);
        }

        context.Db.PledgeConsents.Add(new PledgeConsent
        {
            Id = Guid.CreateVersion7(),
            PledgeId = pledge.Id,
            ApplicationId = context.Application.Id,
            Purpose = request.Purpose!.Value,
            Reference = reference,
            GivenAt = context.Now,
        });
        context.Record(new ConsentToActAct { PledgeNumber = pledge.Number, Purpose = request.Purpose.Value, Reference = reference });
        return Task.FromResult<Refusal?>(null);
    }
}
