namespace DataIp.Crypto;

/// <summary>Why a verifier key was refused by <see cref="NoteVerifierKey.TryParse"/>.</summary>
public enum VerifierKeyErrorKind
{
    /// <summary>Not "&lt;name&gt;+&lt;8 hex digits&gt;+&lt;base64&gt;", or the name is not a valid key name.</summary>
    Malformed = 1,

    /// <summary>The key ID is not the hash of the name and key data (a mistyped or altered key).</summary>
    KeyIdMismatch,

    /// <summary>A signature type (or 0xff identifier) this platform does not verify.</summary>
    UnknownSignatureType,

    /// <summary>The public key has the wrong length or is not a point of the curve.</summary>
    InvalidPublicKey,
}

/// <summary>A refused verifier key: the <see cref="Kind"/> and a human <see cref="Message"/>.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Message">What is wrong, for people.</param>
public sealed record VerifierKeyError(VerifierKeyErrorKind Kind, string Message);
