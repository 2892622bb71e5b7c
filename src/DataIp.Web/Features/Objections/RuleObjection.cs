namespace DataIp.Web.Features.Objections;

/// <summary>
/// An examiner of the body rules on an open objection, with reasons, which are public: upheld
/// rejects the application; dismissed lets the notice period continue.
/// </summary>
/// <param name="objectionId">The objection.</param>
/// <param name="upheld">Whether it is upheld.</param>
internal sealed class RuleObjection(Guid objectionId, bool upheld) : IActUseCase
{
    private Objection? _objection;

    public LifecycleTrigger Trigger => upheld ? LifecycleTrigger.UpholdObjection : LifecycleTrigger.DismissObjection;

    public async ValueTask<Refusal?> PrepareAsync(ActContext context, CancellationToken cancellationToken)
    {
        _objection = await context.Db.Objections.SingleOrDefaultAsync(o => o.Id == objectionId && o.ApplicationId == context.Application.Id, cancellationToken)
            .ConfigureAwait(false);
        return _objection is null ? Refusal.NotFound(RefusalKey.WhatObjection) : null;
    }

    public Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken)
    {
        if (context.RequireReason(RefusalKey.ReasonOfRuling) is { } noReasons)
        {
            return Task.FromResult<Refusal?>(noReasons);
        }

        var objection = _objection!;
        if (objection.Status != ObjectionStatus.Open)
        {
            return Task.FromResult<Refusal?>(Refusal.Conflict("Objection already ruled on", RefusalKey.AlreadyRuled,
                objection.Status, objection.RuledAt is { } ruled ? DateOnly.FromDateTime(ruled.DateTime) : null));
        }

        objection.Status = upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed;
        objection.RuledAt = context.Now;
        objection.RuledById = context.Party.AccountId;
        objection.RulingReasons = context.Reason;
        if (upheld)
        {
            context.Application.DecisionReasons = "Objection upheld: " + context.Reason;
            context.Application.DecidedAt = context.Now;
            context.Record(new UpholdObjectionAct { ObjectionId = objectionId, Ruling = ObjectionStatus.Upheld });
        }
        else
        {
            context.Record(new DismissObjectionAct { ObjectionId = objectionId, Ruling = ObjectionStatus.Dismissed });
        }

        return Task.FromResult<Refusal?>(null);
    }
}
