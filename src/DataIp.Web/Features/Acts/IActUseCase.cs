namespace DataIp.Web.Features.Acts;

/// <summary>
/// What one act does that others do not: the rest (lock, load, relations, the lifecycle table's
/// decision, recording, telling the parties, commit) is <see cref="ActPipeline"/>'s. One short
/// class per act, constructed with the request's input.
/// </summary>
public interface IActUseCase
{
    /// <summary>The lifecycle trigger the act carries out, which the lifecycle table decides.</summary>
    LifecycleTrigger Trigger { get; }

    /// <summary>
    /// Loads what the act is on besides the application (a pledge, a transfer, a change request)
    /// and names its parties in <see cref="ActContext.Case"/>, before the relations are decided.
    /// </summary>
    /// <param name="context">The act's context.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A refusal (the thing does not exist), or null to go on.</returns>
    ValueTask<Refusal?> PrepareAsync(ActContext context, CancellationToken cancellationToken) => ValueTask.FromResult<Refusal?>(null);

    /// <summary>
    /// Checks the request against the register (the thing's own table, the input's fields) and, if
    /// it may go ahead, applies the act's effect and says what it records (<see cref="ActContext.Record"/>).
    /// </summary>
    /// <param name="context">The act's context: the lifecycle table has allowed the act.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A refusal, after which nothing is written, or null when the act is done.</returns>
    Task<Refusal?> ApplyAsync(ActContext context, CancellationToken cancellationToken);
}
