using DataIp.Crypto;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.TransparencyLog;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.Ledger;

/// <summary>
/// Integrates committed entries into the tree and signs checkpoints. There is one sequencer per
/// log; every step is safe to repeat after a crash at any point (see <see cref="PublishAsync"/>).
/// </summary>
public sealed class LogSequencer(IServiceScopeFactory scopes, LogSigningKeys keys, TimeProvider clock, ILogger<LogSequencer> logger) : IDisposable
{
    /// <summary>Entries integrated per transaction.</summary>
    public const int BatchSize = 10_000;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// Raised after a new checkpoint is stored, on the publishing thread and under the sequencer's
    /// lock: handlers must return at once and not throw (the witness collector only signals itself).
    /// </summary>
    public event EventHandler<LogCheckpoint>? CheckpointSigned;

    /// <summary>
    /// Integrates every committed entry and, when the tree grew (or no checkpoint exists yet),
    /// signs and stores a checkpoint for the new size. Returns the latest checkpoint.
    /// </summary>
    /// <remarks>
    /// Order of writes: (1) nodes and the integrated size commit together; (2) the new root is
    /// checked to be consistent with the last published checkpoint, from stored hashes; (3) the
    /// signed checkpoint is stored, and only stored checkpoints are served. A crash after (1)
    /// leaves integrated nodes that the next run signs; a crash between signing and (3) leaves a
    /// signature nobody saw. The log never signs a root that is not consistent with its last
    /// published checkpoint: step (2) refuses, and the sequencer stops signing (a fatal error:
    /// stored history no longer matches what was published).
    /// </remarks>
    public async Task<LogCheckpoint> PublishAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = new LogStore(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
            var (size, root) = await IntegrateAllAsync(store, cancellationToken).ConfigureAwait(false);
            var latest = await store.LatestCheckpointAsync(cancellationToken).ConfigureAwait(false);
            if (latest is not null && latest.TreeSize == size)
            {
                return latest;
            }

            if (latest is not null)
            {
                await CheckConsistencyAsync(store, latest, size, root, cancellationToken).ConfigureAwait(false);
            }

            var signed = await SignAsync(scope.ServiceProvider.GetRequiredService<RegistryDbContext>(), size, root, cancellationToken).ConfigureAwait(false);
            CheckpointSigned?.Invoke(this, signed);
            // New acts arrived: copy SQLite's WAL into the database here, not in a writer's commit.
            _ = await SqliteWal.CheckpointAsync(scope.ServiceProvider.GetRequiredService<RegistryDbContext>(), cancellationToken).ConfigureAwait(false);
            return signed;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private static async Task<(long Size, Hash Root)> IntegrateAllAsync(LogStore store, CancellationToken cancellationToken)
    {
        var committed = await store.CommittedSizeAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var (size, root) = await store.IntegrateAsync(BatchSize, cancellationToken).ConfigureAwait(false);
            if (size >= committed)
            {
                return (size, root);
            }
        }
    }

    private static async Task CheckConsistencyAsync(LogStore store, LogCheckpoint latest, long size, Hash root, CancellationToken cancellationToken)
    {
        var nodes = MerkleProof.ConsistencyNodes((ulong)latest.TreeSize, (ulong)size);
        var proof = nodes.Rehash(await store.GetHashesAsync(nodes.Ids, cancellationToken).ConfigureAwait(false));
        var check = latest.TreeSize == 0
            ? ProofVerification.Valid
            : MerkleProof.VerifyConsistency((ulong)latest.TreeSize, (ulong)size, proof, Hash.FromBytes(latest.RootHash), root);
        if (!check.IsValid)
        {
            throw new LogIntegrityException(
                $"Refusing to sign size {size}: it is not consistent with the published checkpoint of size {latest.TreeSize} ({check.Message}). The stored log no longer matches what was published; an operator must investigate.");
        }
    }

    private async Task<LogCheckpoint> SignAsync(RegistryDbContext db, long size, Hash root, CancellationToken cancellationToken)
    {
        var text = new Checkpoint(keys.Origin, size, root.ToArray()).ToNoteText();
        var checkpoint = new LogCheckpoint
        {
            TreeSize = size,
            RootHash = root.ToArray(),
            Note = SignedNote.Sign(text, [.. keys.Signers]),
            SignedAt = clock.GetUtcNow(),
        };
        db.LogCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        logger.LogDebug("Signed checkpoint {Size} {Root}", size, root);
        return checkpoint;
    }
}

/// <summary>The stored log contradicts a published checkpoint: fatal, never retried.</summary>
public sealed class LogIntegrityException(string message) : Exception(message);

/// <summary>
/// Runs the sequencer every <see cref="PlatformOptions.LogPublishInterval"/>; stops for good when
/// the stored log contradicts a published checkpoint (<see cref="LogIntegrityException"/>).
/// </summary>
internal sealed class LogSequencerJob(LogSequencer sequencer, IOptions<PlatformOptions> options, TimeProvider clock, ILogger<LogSequencerJob> logger)
    : PeriodicJob(options, clock, logger)
{
    protected override string Failure => "Couldn't publish a checkpoint";

    protected override bool IsEnabled(PlatformOptions settings) => settings.RunLogSequencer;

    protected override TimeSpan Interval(PlatformOptions settings) => settings.LogPublishInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => sequencer.PublishAsync(cancellationToken);

    protected override bool IsFatal(Exception exception) => exception is LogIntegrityException;
}
