using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.Accounts.Passwords;

/// <summary>
/// The password rules of NIST SP 800-63B-4 §3.1.1.2 for a password that is the only factor:
/// at least 15 code points (configurable, never below 8), a generous maximum, any characters,
/// no composition rules, and no password that is common, breached or derived from the
/// account's own words. Replaces Identity's default validator (which asks for character classes).
/// </summary>
internal sealed class PasswordPolicy(IOptions<PlatformOptions> options) : IPasswordValidator<Account>
{
    /// <summary>The service's own name: a context word of every account (§3.1.1.2, "the name of the service").</summary>
    public const string ServiceWord = "dataip";

    // Context words shorter than this are not looked for: a 3-letter e-mail name must not forbid
    // every password containing those letters.
    private const int ShortestContextWord = 4;

    /// <inheritdoc/>
    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var error = Check(password ?? "", options.Value.Accounts, ContextWords(user));
        return Task.FromResult(error is null ? IdentityResult.Success : IdentityResult.Failed(error));
    }

    /// <summary>The first rule <paramref name="password"/> breaks, or null when it is acceptable.</summary>
    public static IdentityError? Check(string password, AccountOptions settings, IReadOnlyList<string> contextWords)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(settings);
        var minimum = Math.Max(8, settings.MinimumPasswordLength);
        // §3.1.1.2: each Unicode code point counts as one character.
        var length = password.EnumerateRunes().Count();
        if (length < minimum)
        {
            return Error("PasswordTooShort", $"Choose a password of at least {minimum} characters; a phrase of several words is easy to remember. Any characters are allowed.");
        }

        if (length > settings.MaximumPasswordLength)
        {
            return Error("PasswordTooLong", $"A password may have at most {settings.MaximumPasswordLength} characters.");
        }

        var folded = password.ToLowerInvariant();
        if (CommonPasswords.Contains(folded))
        {
            return Error("PasswordCommon", "This password is on a list of common or breached passwords; choose another.");
        }

        if (IsRepetition(folded))
        {
            return Error("PasswordRepetitive", "This password repeats one short sequence; choose another.");
        }

        return IsDerivedFrom(folded, contextWords)
            ? Error("PasswordContext", "This password is made of the account's e-mail name, display name or the platform's name; choose another.")
            : null;
    }

    /// <summary>The e-mail's local part and its dot-separated parts, the display name, and the service's name.</summary>
    public static IReadOnlyList<string> ContextWords(Account user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var words = new List<string> { ServiceWord };
        if (user.Email?.Split('@')[0] is { Length: > 0 } local)
        {
            words.Add(local);
            words.AddRange(local.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries));
        }

        // The display name whole, not word by word: "中国示范银行 Demo Bank" must not forbid every
        // password that contains "demo".
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            words.Add(user.DisplayName.Trim());
        }

        return [.. words.Select(w => w.ToLowerInvariant()).Where(w => w.EnumerateRunes().Count() >= ShortestContextWord).Distinct().OrderByDescending(w => w.Length)];
    }

    // A derivative of the context words: what is left once they are taken out is nothing, or only
    // digits, punctuation and spaces ("Admin2025admin!", "深圳市测试数据科技有限公司2025").
    private static bool IsDerivedFrom(string folded, IReadOnlyList<string> contextWords)
    {
        var rest = folded;
        foreach (var word in contextWords)
        {
            rest = rest.Replace(word, "", StringComparison.Ordinal);
        }

        return rest.Length < folded.Length && rest.EnumerateRunes().All(r => !Rune.IsLetter(r));
    }

    // "aaaaaaaaaaaaaaa", "abcabcabcabcabc": one unit of at most four characters over and over.
    private static bool IsRepetition(string folded)
    {
        for (var unit = 1; unit <= 4 && unit * 2 <= folded.Length; unit++)
        {
            if (folded.Length % unit == 0 && string.Concat(Enumerable.Repeat(folded[..unit], folded.Length / unit)) == folded)
            {
                return true;
            }
        }

        return false;
    }

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}

/// <summary>The blocklist shipped with the platform (Passwords/README.md says where it comes from).</summary>
internal static class CommonPasswords
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    /// <summary>How many passwords the list holds.</summary>
    public static int Count => List.Value.Count;

    /// <summary>Whether the lowercased password is on the list.</summary>
    public static bool Contains(string folded) => List.Value.Contains(folded);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("DataIp.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("Couldn't find the embedded common-password list (DataIp.Web.common-passwords.txt).");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line.ToLower(CultureInfo.InvariantCulture));
            }
        }

        return set;
    }
}
