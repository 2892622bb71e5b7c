using DataIp.Data.TransparencyLog;
using DataIp.Web.Features.Ledger;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.OpenData;

/// <summary>
/// The log checkpoint an export corresponds to, read in the export's own snapshot: every act with
/// a log index below <see cref="LogSize"/> is reflected in the export and no later one. An act is
/// committed (with its log entry, in one transaction) before the sequencer integrates it into the
/// tree, so the database may hold acts no checkpoint covers yet: <see cref="TreeSize"/> is then
/// below <see cref="LogSize"/>, and those acts are reflected but can be proved only against a
/// later checkpoint (the log is append-only, so their entries will not change).
/// </summary>
/// <param name="Origin">The log's origin (the checkpoint's first line).</param>
/// <param name="TreeSize">The latest checkpoint's tree size (0: none yet).</param>
/// <param name="RootHash">Its root hash, base64 (RFC 9162).</param>
/// <param name="SignedAt">When it was signed.</param>
/// <param name="LogSize">How many acts the export reflects: the log's committed entries in the snapshot.</param>
public sealed record ExportCheckpoint(string Origin, long TreeSize, string RootHash, DateTimeOffset? SignedAt, long LogSize)
{
    /// <summary>The response header naming the checkpoint: <c>{tree size} {root hash base64}</c>.</summary>
    public const string Header = "DataIp-Checkpoint";

    /// <summary>The response header giving <see cref="LogSize"/>.</summary>
    public const string LogSizeHeader = "DataIp-Log-Size";

    // Snapshots tried before the export states a checkpoint that lags its acts.
    private const int Attempts = 3;

    /// <summary>Whether the checkpoint covers every act the export reflects.</summary>
    public bool Covered => TreeSize == LogSize;

    /// <summary>The <see cref="Header"/> value.</summary>
    public string HeaderValue => $"{TreeSize} {RootHash}";

    /// <summary>
    /// Opens a read snapshot and reads its checkpoint. On a node that runs the sequencer, the
    /// committed acts are first signed into a checkpoint, and a snapshot that still holds acts
    /// the checkpoint lacks (written meanwhile) is given up and tried again, up to three times;
    /// after that, or on a node that does not sign, the export states the lag.
    /// </summary>
    public static async Task<(ReadSnapshot Snapshot, ExportCheckpoint Checkpoint)> OpenAsync(
        RegistryDbContext db, LogSequencer sequencer, LogSigningKeys keys, IOptions<PlatformOptions> options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sequencer);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        var signs = options.Value.RunLogSequencer;
        for (var attempt = 1; ; attempt++)
        {
            if (signs)
            {
                await sequencer.PublishAsync(ct).ConfigureAwait(false);
            }

            var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
            try
            {
                var checkpoint = await ReadAsync(db, keys.Origin, ct).ConfigureAwait(false);
                if (checkpoint.Covered || !signs || attempt == Attempts)
                {
                    return (snapshot, checkpoint);
                }
            }
            catch
            {
                await snapshot.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            await snapshot.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The checkpoint and committed size as the current transaction sees them.</summary>
    public static async Task<ExportCheckpoint> ReadAsync(RegistryDbContext db, string origin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var store = new LogStore(db);
        var latest = await store.LatestCheckpointAsync(ct).ConfigureAwait(false);
        var size = await store.CommittedSizeAsync(ct).ConfigureAwait(false);
        return new ExportCheckpoint(origin, latest?.TreeSize ?? 0, Convert.ToBase64String(latest?.RootHash ?? []), latest?.SignedAt, size);
    }
}
