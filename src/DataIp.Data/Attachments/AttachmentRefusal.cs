using DataIp.Domain.Registration;

namespace DataIp.Data.Attachments;

/// <summary>
/// Why an upload was not stored, for the uploader: the form field it is reported against, a code,
/// the kind of attachment, the file's (sanitised) name and the facts its sentence names. The English
/// sentence for the API is made here, once (<see cref="Message"/>); the pages word the code in their
/// own language (<c>Attachment.&lt;code&gt;</c> in the web's resource files). Immutable.
/// </summary>
/// <param name="Field">The form field ("file").</param>
/// <param name="Code">What is wrong.</param>
/// <param name="Kind">What the file was uploaded as.</param>
/// <param name="FileName">The file's name as the store sanitised it: display metadata only.</param>
/// <param name="Arguments">The facts the sentence names, in the order <see cref="AttachmentRefusalCode"/> lists them.</param>
public sealed record AttachmentRefusal(string Field, AttachmentRefusalCode Code, AttachmentKind Kind, string FileName, IReadOnlyList<object?> Arguments)
{
    /// <summary>The argument at <paramref name="index"/>.</summary>
    /// <param name="index">0-based.</param>
    /// <returns>The argument.</returns>
    public object? this[int index] => Arguments[index];

    /// <summary>The sentence the API answers, in English: what would be accepted.</summary>
    public string Message => AttachmentRefusals.English(this);

    /// <inheritdoc/>
    public bool Equals(AttachmentRefusal? other) =>
        other is not null && Field == other.Field && Code == other.Code && Kind == other.Kind && FileName == other.FileName
        && Arguments.Count == other.Arguments.Count
        && Arguments.Zip(other.Arguments).All(p => p.First is IEnumerable<string> a && p.Second is IEnumerable<string> b ? a.SequenceEqual(b) : Equals(p.First, p.Second));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Field, Code, Kind, FileName, Arguments.Count);

    /// <inheritdoc/>
    public override string ToString() => $"{Field}: {Message}";
}
