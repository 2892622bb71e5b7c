namespace DataIp.Web.Features.Rights;

/// <summary>
/// An act on one thing of a registration's register of rights (a pledge, a transfer, a change
/// request): the thing is found before the party's relations are decided, so that its own parties
/// (the pledgee, the transferee) count; after the lifecycle table, the thing's own table decides
/// in its state, and only then does the act apply.
/// </summary>
/// <typeparam name="TItem">The thing's row.</typeparam>
/// <typeparam name="TState">Its states.</typeparam>
/// <param name="kind">What the thing is, in words ("pledge"), for a refusal.</param>
/// <param name="key">How the caller named it (a number, an id).</param>
internal abstract class ItemAct<TItem, TState>(string kind, string key) : IActUseCase
    where TItem : class
    where TState : struct, Enum
{
    private TItem? _item;

    public abstract LifecycleTrigger Trigger { get; }

    /// <summary>How the caller named the thing.</summary>
    protected string Key { get; } = key;

    /// <summary>The thing's state machine.</summary>
    protected abstract RightsTable<TState> Table { get; }

    public async ValueTask<Refusal?> PrepareAsync(ActContext context, CancellationToken cancellationToken)
    {
        _item = await FindAsync(context, cancellationToken).ConfigureAwait(false);
        if (_item is null)
        {
            return new Refusal(RefusalCode.NotFound, "Not found",
                new(RefusalKey.ItemNotFound, context.Application.RegistrationNumber, new RefusalMessage(RefusalKey.Subject(kind)), Key));
        }

        context.Case = PartiesOf(context.Case, _item);
        return null;
    }

    public async Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken) =>
        CheckInput(context, _item!) ?? context.Decide(Table, StateOf(_item!), FactsOf(_item!))
            ?? await ApplyAsync(context, _item!, cancellationToken).ConfigureAwait(false);

    /// <summary>Finds the thing among the registration's (the caller's key, the application in the context).</summary>
    protected abstract Task<TItem?> FindAsync(ActContext context, CancellationToken cancellationToken);

    /// <summary>The thing's state.</summary>
    protected abstract TState StateOf(TItem item);

    /// <summary>The case's parties with the thing's own.</summary>
    protected virtual CaseParties PartiesOf(CaseParties parties, TItem item) => parties;

    /// <summary>What the thing's table reads of it.</summary>
    protected virtual RightsContext FactsOf(TItem item) => new();

    /// <summary>Refuses input that does not fit the party's relation (before the thing's table decides), or null.</summary>
    protected virtual Refusal? CheckInput(ActContext context, TItem item) => null;

    /// <summary>The act's own checks and effect, once the tables allow it.</summary>
    protected abstract Task<Refusal?> ApplyAsync(ActContext context, TItem item, CancellationToken cancellationToken);
}
