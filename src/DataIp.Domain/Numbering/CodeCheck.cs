using System.Diagnostics.CodeAnalysis;

namespace DataIp.Domain.Numbering;

/// <summary>
/// The outcome of checking an identifier issued by someone else (a unified social credit code, a
/// resident ID number): valid, or invalid with one message saying what is wrong and where. A failed
/// check is an expected outcome, not an exception (STYLE.md, Errors). Immutable.
/// </summary>
public sealed record CodeCheck
{
    private CodeCheck(string? error) => Error = error;

    /// <summary>The result for a valid identifier.</summary>
    public static CodeCheck Valid { get; } = new((string?)null);

    /// <summary>True when the identifier passed every check.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    /// <summary>What is wrong, for the user (positions are 1-based); null when valid.</summary>
    public string? Error { get; }

    /// <summary>A failed check.</summary>
    /// <param name="error">What is wrong; must not be blank.</param>
    /// <returns>A result with <see cref="IsValid"/> false.</returns>
    /// <exception cref="ArgumentException"><paramref name="error"/> is blank.</exception>
    public static CodeCheck Invalid(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new CodeCheck(error);
    }
}
