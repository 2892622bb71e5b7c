using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DataIp.Domain.Numbering;

/// <summary>
/// What is wrong with an identifier issued by someone else, as a code: each has one English
/// sentence here (<see cref="CodeCheck.Template(CodeCheckCode)"/>, for the API and the CLI) and its
/// words in both languages in the web's resource files (<c>Content.Identifier.&lt;code&gt;</c>).
/// Positions are 1-based.
/// </summary>
public enum CodeCheckCode
{
    /// <summary>The unified social credit code is missing.</summary>
    CreditCodeMissing,

    /// <summary>The code does not have 18 characters (argument 0: how many it has).</summary>
    CreditCodeLength,

    /// <summary>A lower-case letter (argument 0) at position argument 1 should be upper case (argument 2).</summary>
    CreditCodeLowerCase,

    /// <summary>A character (argument 0) at position argument 1 is not in the GB 32100 alphabet.</summary>
    CreditCodeCharacter,

    /// <summary>The check character should be argument 0 but is argument 1.</summary>
    CreditCodeCheckCharacter,

    /// <summary>The resident ID number is missing.</summary>
    IdNumberMissing,

    /// <summary>The number does not have 18 characters (argument 0: how many it has).</summary>
    IdNumberLength,

    /// <summary>A non-digit (argument 0) at position argument 1 among the first 17 characters.</summary>
    IdNumberNonDigit,

    /// <summary>The check character is a lower-case 'x'.</summary>
    IdNumberLowerX,

    /// <summary>The last character (argument 0) is neither a digit nor 'X'.</summary>
    IdNumberLastCharacter,

    /// <summary>The birth date (argument 0, the eight characters) is not a real date.</summary>
    IdNumberBirthDate,

    /// <summary>The check character should be argument 0 but is argument 1.</summary>
    IdNumberCheckCharacter,
}

/// <summary>
/// The outcome of checking an identifier issued by someone else (a unified social credit code, a
/// resident ID number): valid, or invalid with a code, its arguments and one English message saying
/// what is wrong and where. A failed check is an expected outcome, not an exception (STYLE.md,
/// Errors). Immutable.
/// </summary>
public sealed record CodeCheck
{
    private CodeCheck(string? error, CodeCheckCode? code, IReadOnlyList<object> arguments) =>
        (Error, Code, Arguments) = (error, code, arguments);

    /// <summary>The result for a valid identifier.</summary>
    public static CodeCheck Valid { get; } = new(null, null, []);

    /// <summary>True when the identifier passed every check.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    /// <summary>What is wrong, for the user (positions are 1-based); null when valid.</summary>
    public string? Error { get; }

    /// <summary>What is wrong, as a code to word in another language; null when valid or when the message was written elsewhere.</summary>
    public CodeCheckCode? Code { get; }

    /// <summary>The arguments of <see cref="Code"/>'s sentence, in the order of its placeholders.</summary>
    public IReadOnlyList<object> Arguments { get; }

    /// <summary>A failed check, worded from its code.</summary>
    /// <param name="code">What is wrong.</param>
    /// <param name="arguments">The facts its sentence names.</param>
    /// <returns>A result with <see cref="IsValid"/> false.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is not defined.</exception>
    public static CodeCheck Invalid(CodeCheckCode code, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return new CodeCheck(string.Format(CultureInfo.InvariantCulture, Template(code), arguments), code, arguments);
    }

    /// <summary>A failed check whose message was written elsewhere (a check supplied by the caller): it has no code.</summary>
    /// <param name="error">What is wrong; must not be blank.</param>
    /// <returns>A result with <see cref="IsValid"/> false.</returns>
    /// <exception cref="ArgumentException"><paramref name="error"/> is blank.</exception>
    public static CodeCheck Invalid(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new CodeCheck(error, null, []);
    }

    /// <summary>The English sentence of <paramref name="code"/>, with .NET placeholders ({0}, {1}…).</summary>
    /// <param name="code">A code.</param>
    /// <returns>The template.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is not defined.</exception>
    public static string Template(CodeCheckCode code) => code switch
    {
        CodeCheckCode.CreditCodeMissing => "The unified social credit code is missing.",
        CodeCheckCode.CreditCodeLength => "A unified social credit code has 18 characters; this one has {0}.",
        CodeCheckCode.CreditCodeLowerCase => "Letters must be upper case: '{0}' at position {1} should be '{2}'.",
        CodeCheckCode.CreditCodeCharacter => "'{0}' at position {1} is not allowed: a unified social credit code uses only digits and the upper-case letters except I, O, S, V and Z.",
        CodeCheckCode.CreditCodeCheckCharacter => "The check character (position 18) should be '{0}' but is '{1}': the code is mistyped.",
        CodeCheckCode.IdNumberMissing => "The resident ID number is missing.",
        CodeCheckCode.IdNumberLength => "A resident ID number has 18 characters; this one has {0}.",
        CodeCheckCode.IdNumberNonDigit => "The first 17 characters of a resident ID number must be digits; '{0}' at position {1} is not.",
        CodeCheckCode.IdNumberLowerX => "The check character 'x' (position 18) must be an upper-case 'X'.",
        CodeCheckCode.IdNumberLastCharacter => "The last character must be a digit or 'X'; '{0}' at position 18 is not.",
        CodeCheckCode.IdNumberBirthDate => "The birth date at positions 7–14, '{0}', is not a real date.",
        CodeCheckCode.IdNumberCheckCharacter => "The check character (position 18) should be '{0}' but is '{1}': the number is mistyped.",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown code check."),
    };
}
