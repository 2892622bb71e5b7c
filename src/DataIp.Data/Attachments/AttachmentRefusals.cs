using System.Globalization;
using DataIp.Domain.Registration;

namespace DataIp.Data.Attachments;

/// <summary>The refusals an upload can meet, and their English: the one place the API's sentences are made.</summary>
internal static class AttachmentRefusals
{
    /// <summary>The form field every refusal is reported against.</summary>
    public const string Field = "file";

    private const long KiB = 1024;
    private const long MiB = 1024 * KiB;

    public static AttachmentRefusal Empty(AttachmentKind kind, string fileName) =>
        new(Field, AttachmentRefusalCode.Empty, kind, fileName, []);

    public static AttachmentRefusal TooLarge(AttachmentKind kind, string fileName, AttachmentRule rule) =>
        new(Field, AttachmentRefusalCode.TooLarge, kind, fileName, [rule.MaxBytes]);

    public static AttachmentRefusal Unrecognised(AttachmentKind kind, string fileName, AttachmentRule rule) =>
        new(Field, AttachmentRefusalCode.Unrecognised, kind, fileName, [rule.AllowedContentTypes]);

    public static AttachmentRefusal NotAllowed(AttachmentKind kind, string fileName, AttachmentRule rule, string detectedContentType) =>
        new(Field, AttachmentRefusalCode.NotAllowed, kind, fileName, [rule.AllowedContentTypes, detectedContentType]);

    /// <summary>The refusal's English sentence, as the API answers it.</summary>
    public static string English(AttachmentRefusal r) => r.Code switch
    {
        AttachmentRefusalCode.Empty => $"{Subject(r.Kind)} must not be empty.",
        AttachmentRefusalCode.TooLarge => $"{Subject(r.Kind)} must be at most {FormatSize((long)r[0]!)}.",
        AttachmentRefusalCode.Unrecognised => $"{Subject(r.Kind)} must be {AllowedTypes(r[0])}; the uploaded file is none of these.",
        AttachmentRefusalCode.NotAllowed => $"{Subject(r.Kind)} must be {AllowedTypes(r[0])}; the uploaded file looks like {r[1]}.",
        _ => throw new ArgumentOutOfRangeException(nameof(r), r.Code, "Unknown attachment refusal."),
    };

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
    private static string AllowedTypes(object? allowed)
    {
        var names = ((IEnumerable<string>)allowed!).Select(AttachmentContentTypes.DisplayName).ToList();
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
