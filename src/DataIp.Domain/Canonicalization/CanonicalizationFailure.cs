namespace DataIp.Domain.Canonicalization;

/// <summary>Why JSON could not be canonicalised; <see cref="None"/> when it could.</summary>
public enum CanonicalizationFailure
{
    /// <summary>The JSON was canonicalised.</summary>
    None = 0,

    /// <summary>Not one well-formed JSON value in UTF-8 (RFC 8259), or nested deeper than
    /// <see cref="JsonCanonicalizer.MaxDepth"/>.</summary>
    InvalidJson,

    /// <summary>An object has two members with the same name (after unescaping); I-JSON (RFC 7493
    /// §2.3) forbids it and no canonical form could say which one was meant.</summary>
    DuplicatePropertyName,

    /// <summary>A number too large for an IEEE 754 double (e.g. 1e400); I-JSON (RFC 7493 §2.2)
    /// numbers must be doubles, and JSON has no infinity.</summary>
    NumberOutOfRange,

    /// <summary>A string or name that is not Unicode text: a lone UTF-16 surrogate (e.g. "\ud800"),
    /// which has no UTF-8 form, or invalid UTF-8 bytes; I-JSON (RFC 7493 §2.1) forbids both.</summary>
    InvalidString,
}
