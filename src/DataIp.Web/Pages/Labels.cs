using System.Globalization;
using DataIp.Crypto.Credentials;
using DataIp.Domain.Calendar;
using Microsoft.AspNetCore.Html;

namespace DataIp.Web.Pages;

/// <summary>The words the pages show for the platform's states, roles and dates, in the page's language.</summary>
internal static class Labels
{
    /// <summary>The name of a lifecycle state (docs/lifecycle.md).</summary>
    public static string State(ApplicationState state) => Enum.IsDefined(state)
        ? Text.Get("State." + state)
        : throw new ArgumentOutOfRangeException(nameof(state), state, "Not a state of the lifecycle.");

    /// <summary>The name of a certificate's legal status (docs/certificate.md), from its JSON name ("valid").</summary>
    public static string CertificateStatus(string status) =>
        Enum.TryParse<CertificateStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? Text.Get("CertificateStatus." + parsed) : status;

    /// <summary>The name of a kind of licence, from its JSON name ("exclusive").</summary>
    public static string LicenceKind(string kind) => kind is "exclusive" or "sole" or "nonExclusive" ? Text.Get("Licence." + kind) : kind;

    /// <summary>A share in basis points as a percentage, in the page's culture.</summary>
    public static string Share(int basisPoints) => (basisPoints / 10000m).ToString("0.##%", CultureInfo.CurrentCulture);

    /// <summary>The name of a check of a certificate's credential.</summary>
    public static string Check(CertificateCheckKind kind) => Enum.IsDefined(kind) ? Text.Get("Check." + kind) : kind.ToString();

    /// <summary>The name of a right on a certificate, from its JSON name ("holding"), as the PDF names it.</summary>
    public static string Right(string right) =>
        Enum.TryParse<DataRight>(right, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? Text.Get("Right." + parsed) : right;

    /// <summary>The role of a signed-in user; an administrator bound to a body is that body's administrator.</summary>
    public static string Role(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var bound = user.HasClaim(c => c.Type == Claims.BodyId);
        return Text.Get(Enum.TryParse<AccountRole>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role switch
        {
            AccountRole.Applicant => "Role.Applicant",
            AccountRole.Examiner => "Role.Examiner",
            AccountRole.Administrator when bound => "Role.BodyAdministrator",
            AccountRole.Administrator => "Role.NationalAdministrator",
            AccountRole.Pledgee => "Role.Pledgee",
            _ => "Role.Unknown",
        } : "Role.Unknown");
    }

    /// <summary>
    /// A value entered by someone (a data name, an organisation), written as it was entered. On an
    /// English page a value in Chinese is marked <c>lang="zh-CN"</c>, so that a screen reader reads
    /// it in Chinese (WCAG 2.2, 3.1.2 Language of Parts) and the page's own words can be told from it.
    /// </summary>
    public static IHtmlContent Data(string? value)
    {
        var text = new HtmlContentBuilder();
        if (string.IsNullOrEmpty(value))
        {
            return text;
        }

        return Text.InEnglish && HasChinese(value)
            ? text.AppendHtml("<span lang=\"zh-CN\">").Append(value).AppendHtml("</span>")
            : text.Append(value);
    }

    /// <summary>Whether <paramref name="value"/> holds a CJK ideograph or CJK punctuation.</summary>
    public static bool HasChinese(string value) =>
        value.Any(c => c is >= '\u3000' and <= '\u303F' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF');

    /// <summary>The name the signed-in user is shown by.</summary>
    public static string Name(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(Claims.DisplayName) ?? user.Identity?.Name ?? "";
    }

    /// <summary>The name of an act of the catalogue (docs/transparency-log.md), from its type ("submit").</summary>
    public static string Act(string type) => ActCatalogue.Find(type) is not null ? Text.Get("Act." + type) : type;

    /// <summary>The role an act's actor had, as the log records it ("examiner").</summary>
    public static string ActorRole(string role) =>
        ActorRoles.IsKnown(role) ? Text.Get("Role." + char.ToUpperInvariant(role[0]) + role[1..]) : role;

    /// <summary>An instant as China's time of day, written the page's language's way.</summary>
    public static string Time(DateTimeOffset instant) =>
        instant.ToOffset(ChinaTime.Offset).ToString(Text.Get("Format.Time"), CultureInfo.CurrentCulture);

    /// <summary>The day of an instant in China, written as the page's language writes a date.</summary>
    public static string Day(DateTimeOffset instant) => Day(ChinaTime.ToChinaDate(instant));

    /// <summary>A day as the page's language writes it ("2025年9月26日", "26 September 2025").</summary>
    public static string Day(DateOnly day) => day.ToString(Text.Get("Format.Day"), CultureInfo.CurrentCulture);
}
