namespace DataIp.Domain.Canonicalization;

/// <summary>The outcome of <see cref="JsonCanonicalizer.TryCanonicalize(ReadOnlySpan{byte})"/>: the
/// canonical UTF-8 bytes, or the <see cref="CanonicalizationFailure"/> and a message. Immutable.</summary>
public sealed class CanonicalizationResult
{
    private CanonicalizationResult(ReadOnlyMemory<byte> canonical, CanonicalizationFailure failure, string message)
    {
        Canonical = canonical;
        Failure = failure;
        Message = message;
    }

    /// <summary>Whether the input was canonicalised.</summary>
    public bool IsSuccess => Failure == CanonicalizationFailure.None;

    /// <summary>The canonical form as UTF-8 bytes; empty on failure.</summary>
    public ReadOnlyMemory<byte> Canonical { get; }

    /// <summary>Why the input was refused; <see cref="CanonicalizationFailure.None"/> on success.</summary>
    public CanonicalizationFailure Failure { get; }

    /// <summary>What was wrong and where, for logs and error responses; empty on success.</summary>
    public string Message { get; }

    internal static CanonicalizationResult Success(byte[] canonical) => new(canonical, CanonicalizationFailure.None, string.Empty);

    internal static CanonicalizationResult Fail(CanonicalizationFailure failure, string message) => new(ReadOnlyMemory<byte>.Empty, failure, message);
}
