using System.Globalization;
using DataIp.Crypto;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Cli.Log;

/// <summary>
/// Verifies a tiled log end to end, over the <see cref="ILogReader"/> seam:
/// <list type="number">
/// <item>the keys: the ones given (<c>--keys</c>), or the ones the log publishes, which must be
/// those saved in the state file if there is one (a key change is a finding, never accepted
/// silently);</item>
/// <item>the checkpoint: a signature by an Ed25519 key and one by an SM2 key of the log must
/// verify (others, such as witness cosignatures, are ignored), and its origin must be the keys'
/// name;</item>
/// <item>the tree: every tile and entry bundle of the checkpoint's size, the root recomputed from
/// the level-0 hashes, every entry replayed (<see cref="TreeVerifier"/>, <see cref="ActReplay"/>);</item>
/// <item>consistency with the saved checkpoint: the log only grows, and the root of the saved size,
/// recomputed from the same leaves, is the saved root.</item>
/// </list>
/// Stops at the first step that fails (nothing after it could be trusted), except that the tree is
/// still checked when consistency fails. Writes a line per step to the progress writer. Not
/// thread-safe; one verification per instance.
/// </summary>
internal sealed class LogVerifier
{
    private readonly ILogReader _reader;
    private readonly TextWriter _progress;
    private readonly List<Finding> _findings = [];

    /// <summary>Creates a verifier.</summary>
    /// <param name="reader">The log.</param>
    /// <param name="progress">Receives one "step: result" line per step.</param>
    public LogVerifier(ILogReader reader, TextWriter progress)
    {
        _reader = reader;
        _progress = progress;
    }

    /// <summary>Verifies the log; see the class summary.</summary>
    /// <param name="pinnedKeys">Keys to trust instead of the published ones (and of the saved ones), or null.</param>
    /// <param name="previous">The state saved by the last verified run, or null on the first run.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>What verified and what is wrong; a read failure is part of the result, not thrown.</returns>
    public async Task<LogVerification> VerifyAsync(LogVerifierKeys? pinnedKeys, SavedLogState? previous, CancellationToken cancellationToken)
    {
        LogVerifierKeys? keys = null;
        Checkpoint? checkpoint = null;
        var replay = new ActReplay();
        try
        {
            keys = await ResolveKeysAsync(pinnedKeys, previous, cancellationToken);
            checkpoint = keys is null ? null : await VerifyCheckpointAsync(keys, cancellationToken);
            if (checkpoint is not null)
            {
                await VerifyTreeAsync(checkpoint, previous, replay, cancellationToken);
            }
        }
        catch (LogReadException exception)
        {
            return new LogVerification(keys, checkpoint, replay.EntriesReplayed, [.. _findings, .. replay.Findings], exception.Message);
        }

        return new LogVerification(keys, checkpoint, replay.EntriesReplayed, [.. _findings, .. replay.Findings], null);
    }

    private async Task<LogVerifierKeys?> ResolveKeysAsync(LogVerifierKeys? pinned, SavedLogState? previous, CancellationToken cancellationToken)
    {
        if (pinned is not null)
        {
            var replaces = previous is not null && !pinned.SameKeys(previous.Keys) ? "; they replace the keys saved in the state file" : string.Empty;
            Say("keys", $"{Labels(pinned)} from --keys{replaces}");
            return pinned;
        }

        if (!LogVerifierKeys.TryParse(await _reader.GetKeysAsync(cancellationToken), LogVerifierKeys.DataIpAlgorithms, out var published, out var error))
        {
            Add("keys", $"the keys the log publishes are refused: {error}");
            return null;
        }

        if (previous is not null && !published.SameKeys(previous.Keys))
        {
            Add("keys", $"the log now publishes {Labels(published)}, but the state file holds {Labels(previous.Keys)}: "
                + "a key change must be checked out of band, then accepted with --keys FILE");
            return null;
        }

        Say("keys", $"{Labels(published)} published by the log{(previous is null ? " (trusted on first use: nothing saved to compare with)" : ", as saved")}");
        return published;
    }

    private async Task<Checkpoint?> VerifyCheckpointAsync(LogVerifierKeys keys, CancellationToken cancellationToken)
    {
        var verified = keys.VerifyCheckpoint(await _reader.GetCheckpointAsync(cancellationToken), LogVerifierKeys.DataIpAlgorithms);
        switch (verified.Failure)
        {
            case CheckpointFailure.None:
                break;
            case CheckpointFailure.NotACheckpoint:
                Add("checkpoint", verified.Message.Replace("The signed text", "the signed text", StringComparison.Ordinal));
                return null;
            case CheckpointFailure.WrongOrigin:
                Add("checkpoint", $"the origin \"{verified.Checkpoint!.Origin}\" is not the name of the log's keys, \"{keys.Origin}\"");
                return null;
            case CheckpointFailure.MissingAlgorithm:
                Add("checkpoint", $"no signature by the log's {string.Join(" or ", verified.MissingAlgorithms.Select(LogVerifierKeys.AlgorithmName))} key verified, "
                    + $"only by {string.Join(", ", verified.SignedBy.Select(LogVerifierKeys.Label))}: every checkpoint is signed with both Ed25519 and SM2");
                return null;
            default:
                var others = verified.NoteFailure!.UnverifiedSignatures.Count == 0 ? string.Empty
                    : $"; it carries signatures by {string.Join(", ", verified.NoteFailure.UnverifiedSignatures.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name}+{s.KeyId:x8}")))}";
                Add("checkpoint", $"refused: {verified.Message.TrimEnd('.')}{others}");
                return null;
        }

        var checkpoint = verified.Checkpoint!;
        var ignored = verified.Note!.UnverifiedSignatures.Count == 0 ? string.Empty : $"; {verified.Note.UnverifiedSignatures.Count} by unknown keys ignored";
        Say("checkpoint", $"{checkpoint.Origin}, size {checkpoint.TreeSize}, root {Hash.FromBytes(checkpoint.RootHash)}");
        Say("signatures", $"{string.Join(", ", verified.SignedBy.Select(LogVerifierKeys.Label))} verified{ignored}");
        return checkpoint;
    }

    private async Task VerifyTreeAsync(Checkpoint checkpoint, SavedLogState? previous, ActReplay replay, CancellationToken cancellationToken)
    {
        var size = (ulong)checkpoint.TreeSize;
        var earlier = CheckPrevious(checkpoint, previous);
        var tree = await new TreeVerifier(_reader, replay).VerifyAsync(size, earlier?.TreeSize, cancellationToken);
        _findings.AddRange(tree.Findings);

        var levels = string.Join(", ", tree.TilesByLevel.Select((count, level) => string.Create(CultureInfo.InvariantCulture, $"{count} at level {level}")));
        Say("tiles", $"{(size == 0 ? "none (empty tree)" : levels)}; {tree.EntryBundles} entry bundles");
        Say("entries", $"{replay.EntriesReplayed} hashed and replayed");

        var root = Hash.FromBytes(checkpoint.RootHash);
        if (tree.Root is { } recomputed && recomputed != root)
        {
            Add("checkpoint", $"the level-0 hashes of the {size} entries give the root {recomputed}, but the checkpoint says {root}");
        }

        // Only tiles proven to give the signed root say anything about the signed tree: with altered
        // tiles, a different earlier root would blame the log for what the tiles did.
        if (earlier is null)
        {
            Say("consistency", previous is null ? "no saved checkpoint to compare with (first run)" : "not checked (see stderr)");
        }
        else if (tree.Root != root || tree.EarlierRoot is not { } earlierRoot)
        {
            Say("consistency", "not checked: the tiles do not give the checkpoint's root");
        }
        else if (earlierRoot == earlier.RootHash)
        {
            Say("consistency", $"the saved checkpoint (size {earlier.TreeSize}, checked {Instant(earlier.CheckedAt)}) is a prefix of this one");
        }
        else
        {
            Add("consistency", $"the first {earlier.TreeSize} entries now give the root {earlierRoot}, but the checkpoint saved "
                + $"{Instant(earlier.CheckedAt)} has {earlier.RootHash}: the log changed entries it had already published");
        }
    }

    // The saved checkpoint to check consistency with, or null (with a finding when it cannot be).
    private SavedLogState? CheckPrevious(Checkpoint checkpoint, SavedLogState? previous)
    {
        if (previous is null)
        {
            return null;
        }

        if (previous.Origin != checkpoint.Origin)
        {
            Add("consistency", $"the state file is for the log \"{previous.Origin}\", but the server's checkpoint is for \"{checkpoint.Origin}\"");
            return null;
        }

        if (previous.TreeSize > (ulong)checkpoint.TreeSize)
        {
            Add("consistency", $"the checkpoint's size {checkpoint.TreeSize} is smaller than the saved size {previous.TreeSize} "
                + $"(checked {Instant(previous.CheckedAt)}): a log only grows");
            return null;
        }

        return previous;
    }

    private static string Labels(LogVerifierKeys keys) => string.Join(", ", keys.Keys.Select(LogVerifierKeys.Label));

    private static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private void Say(string step, string result) => _progress.WriteLine($"{step + ":",-13}{result}");

    private void Add(string subject, string message) => _findings.Add(new Finding(subject, message));
}
