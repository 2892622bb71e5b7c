namespace DataIp.Domain.Fingerprinting;

/// <summary>The text encodings of rows mode (docs/fingerprint-format.md §3.1).</summary>
public enum RowEncoding
{
    /// <summary>UTF-8, JSON name <c>utf-8</c> (the default).</summary>
    Utf8 = 1,

    /// <summary>GB 18030, JSON name <c>gb18030</c>.</summary>
    Gb18030 = 2,
}
