using System.Collections.ObjectModel;
using DataIp.Domain.Registration;

namespace DataIp.Data.Attachments;

/// <summary>
/// The size limit and allowed content types of every <see cref="AttachmentKind"/>. Invariant: every
/// defined kind has a rule, so <see cref="RuleFor"/> never fails for a defined kind.
/// </summary>
public sealed record AttachmentPolicy
{
    private const long MiB = 1024 * 1024;

    /// <exception cref="ArgumentException">A defined kind has no rule.</exception>
    public AttachmentPolicy(IReadOnlyDictionary<AttachmentKind, AttachmentRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var missing = Enum.GetValues<AttachmentKind>().Where(kind => !rules.ContainsKey(kind)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"The attachment policy has no rule for {string.Join(", ", missing)}.", nameof(rules));
        }

        Rules = new ReadOnlyDictionary<AttachmentKind, AttachmentRule>(rules.ToDictionary());
    }

    /// <summary>
    /// Documents (proof of source, power of attorney, objection evidence, court order): PDF, PNG or
    /// JPEG up to 20 MiB. Sample data: CSV, JSON, JSON Lines, plain text, PDF, ZIP or XLSX up to 50 MiB.
    /// </summary>
    public static AttachmentPolicy Default { get; } = CreateDefault();

    public IReadOnlyDictionary<AttachmentKind, AttachmentRule> Rules { get; }

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public AttachmentRule RuleFor(AttachmentKind kind) =>
        Rules.TryGetValue(kind, out var rule)
            ? rule
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined attachment kind.");

    private static AttachmentPolicy CreateDefault()
    {
        var document = new AttachmentRule(
            20 * MiB,
            [AttachmentContentTypes.Pdf, AttachmentContentTypes.Png, AttachmentContentTypes.Jpeg]);
        var sampleData = new AttachmentRule(
            50 * MiB,
            [
                AttachmentContentTypes.Csv, AttachmentContentTypes.Json, AttachmentContentTypes.JsonLines,
                AttachmentContentTypes.PlainText, AttachmentContentTypes.Pdf, AttachmentContentTypes.Zip,
                AttachmentContentTypes.Xlsx,
            ]);
        return new AttachmentPolicy(new Dictionary<AttachmentKind, AttachmentRule>
        {
            [AttachmentKind.ProofOfSource] = document,
            [AttachmentKind.SampleData] = sampleData,
            [AttachmentKind.PowerOfAttorney] = document,
            [AttachmentKind.ObjectionEvidence] = document,
            [AttachmentKind.CourtOrder] = document,
        });
    }
}
