using DataIp.Crypto;
using DataIp.Data;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.TransparencyLog;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Cli.Audit;

/// <summary>
/// Check 2 of the audit, the checkpoint half: each stored checkpoint's root is the root the tree
/// pass recomputed at its size; its note verifies with the log's Ed25519 key and with its SM2 key
/// (c2sp.org/signed-note; a note signed by only one of them is a finding); and the signed text
/// says the row's origin, size and root (c2sp.org/tlog-checkpoint). Every checkpoint must carry
/// the origin of the latest one: the origin is set once per node.
/// </summary>
internal static class CheckpointChecks
{
    private const int BatchSize = 1000;

    /// <summary>Checks every stored checkpoint, in size order, and returns how many there are.</summary>
    /// <param name="db">The database.</param>
    /// <param name="keys">The log's public keys.</param>
    /// <param name="roots">The recomputed root at every checkpoint size the entries reach.</param>
    /// <param name="findings">Receives what is wrong.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The number of checkpoints.</returns>
    public static async Task<long> CheckAsync(
        RegistryDbContext db, LogPublicKeys keys, IReadOnlyDictionary<long, Hash> roots, List<AuditFinding> findings, CancellationToken cancellationToken)
    {
        var latest = await new LogStore(db).LatestCheckpointAsync(cancellationToken).ConfigureAwait(false);
        if (latest is null)
        {
            return 0;
        }

        var logOrigin = OriginOf(latest.Note);
        var keysByOrigin = new Dictionary<string, LogVerifierKeys?>(StringComparer.Ordinal);
        long count = 0;
        var after = long.MinValue;
        while (true)
        {
            var from = after;
            var batch = await db.LogCheckpoints.AsNoTracking().Where(c => c.TreeSize > from).OrderBy(c => c.TreeSize).Take(BatchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return count;
            }

            foreach (var checkpoint in batch)
            {
                CheckRoot(checkpoint, roots, findings);
                var origin = OriginOf(checkpoint.Note);
                if (!keysByOrigin.TryGetValue(origin, out var known))
                {
                    keysByOrigin[origin] = known = keys.ForOrigin(origin);
                }

                CheckNote(checkpoint, logOrigin, known, findings);
            }

            count += batch.Count;
            after = batch[^1].TreeSize;
        }
    }

    private static void CheckRoot(LogCheckpoint checkpoint, IReadOnlyDictionary<long, Hash> roots, List<AuditFinding> findings)
    {
        var subject = $"checkpoint {checkpoint.TreeSize}";
        if (!roots.TryGetValue(checkpoint.TreeSize, out var root))
        {
            findings.Add(new(FindingKind.CheckpointRoot, $"{subject}: the log has fewer entries than the checkpoint's size: signed entries were deleted"));
        }
        else if (!Hash.TryFromBytes(checkpoint.RootHash, out var stored) || stored != root)
        {
            findings.Add(new(FindingKind.CheckpointRoot,
                $"{subject}: the stored root {Convert.ToHexStringLower(checkpoint.RootHash)} is not the root of the log's leaf hashes ({root}): an entry signed into it was changed"));
        }
    }

    private static void CheckNote(LogCheckpoint checkpoint, string logOrigin, LogVerifierKeys? keys, List<AuditFinding> findings)
    {
        var subject = $"checkpoint {checkpoint.TreeSize}";
        if (keys is null)
        {
            findings.Add(new(FindingKind.CheckpointSignature, $"{subject}: the signed note does not verify with the log's public keys: its origin is not a valid key name"));
            return;
        }

        // The keys are named after the origin the note claims, so WrongOrigin cannot occur; a
        // missing algorithm is reported and the text still checked.
        var verified = keys.VerifyCheckpoint(checkpoint.Note, LogVerifierKeys.DataIpAlgorithms);
        switch (verified.Failure)
        {
            case CheckpointFailure.MalformedNote or CheckpointFailure.InvalidSignature or CheckpointFailure.NoVerifiedSignature:
                findings.Add(new(FindingKind.CheckpointSignature, $"{subject}: the signed note does not verify with the log's public keys: {verified.Message}"));
                return;
            case CheckpointFailure.NotACheckpoint or CheckpointFailure.WrongOrigin:
                findings.Add(new(FindingKind.CheckpointText, $"{subject}: {char.ToLowerInvariant(verified.Message[0])}{verified.Message[1..]}"));
                return;
            case CheckpointFailure.MissingAlgorithm:
                findings.AddRange(verified.MissingAlgorithms.Select(algorithm =>
                    new AuditFinding(FindingKind.CheckpointSignature, $"{subject}: the signed note has no valid {LogVerifierKeys.AlgorithmName(algorithm)} signature by the log's key")));
                break;
        }

        var signed = verified.Checkpoint!;
        if (signed.Origin != logOrigin)
        {
            findings.Add(new(FindingKind.CheckpointText, $"{subject}: origin {AuditJson.Shorten(signed.Origin)} is not the latest checkpoint's origin {AuditJson.Shorten(logOrigin)}"));
        }

        if (signed.TreeSize != checkpoint.TreeSize || !signed.RootHash.SequenceEqual(checkpoint.RootHash))
        {
            findings.Add(new(FindingKind.CheckpointText,
                $"{subject}: the note signs size {signed.TreeSize} and root {Convert.ToHexStringLower(signed.RootHash)}, not the row's size and root {Convert.ToHexStringLower(checkpoint.RootHash)}"));
        }
    }

    // The first line of the note: the origin its checkpoint text claims, and the keys' name.
    private static string OriginOf(string note) => note.IndexOf('\n', StringComparison.Ordinal) is var end and >= 0 ? note[..end] : note;
}
