using System.Globalization;
using DataIp.Domain.Registration;

namespace DataIp.Data.Attachments;

/// <summary>The refusals an upload can meet, worded for the uploader.</summary>
internal static class AttachmentRefusals
{
    /// <summary>The form field every refusal is reported against.</summary>
    public const string Field = "file";

    private const long KiB = 1024;
    private const long MiB = 1024 * KiB;

    public static AttachmentRefusal Empty(AttachmentKind kind) =>
        new(Field, $"{Subject(kind)} must not be empty.");

    public static AttachmentRefusal TooLarge(AttachmentKind kind, AttachmentRule rule) =>
        new(Field, $"{Subject(kind)} must be at most {FormatSize(rule.MaxBytes)}.");

    public static AttachmentRefusal Unrecognised(AttachmentKind kind, AttachmentRule rule) =>
        new(Field, $"{Subject(kind)} must be {AllowedTypes(rule)}; the uploaded file is none of these.");

    public static AttachmentRefusal NotAllowed(AttachmentKind kind, AttachmentRule rule, string detectedContentType) =>
        new(Field, $"{Subject(kind)} must be {AllowedTypes(rule)}; the uploaded file looks like {detectedContentType}.");

    private static string Subject(AttachmentKind kind) => kind switch
    {
        AttachmentKind.ProofOfSource => "A proof-of-source document",
        AttachmentKind.SampleData => "Sample data",
        AttachmentKind.PowerOfAttorney => "A power of attorney",
        AttachmentKind.ObjectionEvidence => "Objection evidence",
        AttachmentKind.CourtOrder => "A court order",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined attachment kind."),
    };

    /// <summary>"PDF", "PDF or PNG", "PDF, PNG or JPEG".</summary>
    private static string AllowedTypes(AttachmentRule rule)
    {
        var names = rule.AllowedContentTypes.Select(AttachmentContentTypes.DisplayName).ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }

    private static string FormatSize(long bytes) => bytes switch
    {
        _ when bytes % MiB == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / MiB} MiB"),
        _ when bytes % KiB == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / KiB} KiB"),
        1 => "1 byte",
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
