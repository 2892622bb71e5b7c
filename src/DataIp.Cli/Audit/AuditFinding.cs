namespace DataIp.Cli.Audit;

/// <summary>What a finding of <see cref="LogAuditor"/> is about; one value per check.</summary>
internal enum FindingKind
{
    /// <summary>Entry indices are not 0, 1, 2, …: an entry is missing, or its index column disagrees with its JSON.</summary>
    EntryIndex = 1,

    /// <summary>A stored leaf hash is not RFC 9162 HashLeaf of the stored entry bytes.</summary>
    LeafHash,

    /// <summary>An entry is not canonical JSON of a version-1 act, or its actId is not the row's or not unique.</summary>
    EntryFormat,

    /// <summary>A checkpoint's root is not the root recomputed from the leaf hashes at its size.</summary>
    CheckpointRoot,

    /// <summary>A checkpoint's note does not verify with both the Ed25519 and the SM2 public key.</summary>
    CheckpointSignature,

    /// <summary>A checkpoint's note text disagrees with its row (origin, size, root), or origins differ.</summary>
    CheckpointText,

    /// <summary>A stored subtree hash is missing, different from the recomputed one, or beyond the integrated size.</summary>
    Node,

    /// <summary>An entry has no act row, or an act row has no entry or points at another entry.</summary>
    ActMissing,

    /// <summary>An act row disagrees with its entry: type, id, time, actor, a public field, its payload.</summary>
    ActField,

    /// <summary>A private field's salted digest does not match the act's value and salt.</summary>
    PrivateDigest,

    /// <summary>The acts' order in the register (sequence) is not their order in the log.</summary>
    ActOrder,

    /// <summary>
    /// An act's member or reasons are not where the catalogue of acts puts them: a private one in
    /// clear in the entry, a public one only as a digest, reasons an act type never gives, a private
    /// reason in the payload; or the act's type or member is not in the catalogue.
    /// </summary>
    Disclosure,
}

/// <summary>One thing the audit found wrong; <see cref="Message"/> is one line naming the entry, act, checkpoint or node and the field.</summary>
/// <param name="Kind">Which check failed.</param>
/// <param name="Message">What is wrong, for people: a single line.</param>
internal sealed record AuditFinding(FindingKind Kind, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}

/// <summary>The outcome of an audit: what was read and every finding, in the order found.</summary>
/// <param name="Entries">Log entries read.</param>
/// <param name="Acts">Act rows read.</param>
/// <param name="Checkpoints">Checkpoints read.</param>
/// <param name="IntegratedSize">The sequencer's integrated size, up to which subtree hashes were checked.</param>
/// <param name="Findings">Everything found wrong; empty when the log is intact.</param>
internal sealed record LogAuditReport(long Entries, long Acts, long Checkpoints, long IntegratedSize, IReadOnlyList<AuditFinding> Findings)
{
    /// <summary>True when nothing was found wrong.</summary>
    public bool IsClean => Findings.Count == 0;
}
