using System.Globalization;
using DataIp.Crypto.Credentials;
using DataIp.Domain.Calendar;
using DataIp.Web.Features.Certificates;
using Microsoft.AspNetCore.Html;

namespace DataIp.Web.Pages;

/// <summary>A text in Chinese first, then English; rendered with the English marked <c>lang="en"</c>.</summary>
/// <param name="Zh">The Chinese text.</param>
/// <param name="En">The English text.</param>
public sealed record Bilingual(string Zh, string En)
{
    /// <summary>"中文 <span lang="en">English</span>", both parts HTML-encoded.</summary>
    public IHtmlContent Html => new HtmlContentBuilder().Append(Zh).AppendHtml(" <span lang=\"en\">").Append(En).AppendHtml("</span>");

    /// <summary>"中文 English": for titles and attributes, where no markup may go.</summary>
    public override string ToString() => $"{Zh} {En}";
}

/// <summary>The words the pages show for the platform's states, roles and dates.</summary>
internal static class Labels
{
    /// <summary>The name of a lifecycle state (docs/lifecycle.md).</summary>
    public static Bilingual State(ApplicationState state) => state switch
    {
        ApplicationState.Draft => new("草稿", "Draft"),
        ApplicationState.Submitted => new("已提交", "Submitted"),
        ApplicationState.FormalExamination => new("形式审查中", "Formal examination"),
        ApplicationState.CorrectionRequested => new("待补正", "Correction requested"),
        ApplicationState.SubstantiveExamination => new("实质审查中", "Substantive examination"),
        ApplicationState.PublicNotice => new("公示中", "Under public notice"),
        ApplicationState.ObjectionReview => new("异议审查中", "Objection review"),
        ApplicationState.Rejected => new("不予登记", "Rejected"),
        ApplicationState.Withdrawn => new("已撤回", "Withdrawn"),
        ApplicationState.Registered => new("已登记", "Registered"),
        ApplicationState.Revoked => new("已撤销登记", "Registration revoked"),
        ApplicationState.Expired => new("已期满", "Expired"),
        ApplicationState.Cancelled => new("已注销", "Cancelled"),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a state of the lifecycle."),
    };

    /// <summary>The name of a certificate's legal status (docs/certificate.md), from its JSON name ("valid").</summary>
    public static Bilingual CertificateStatus(string status) =>
        Enum.TryParse<CertificateStatus>(status, ignoreCase: true, out var parsed) ? parsed switch
        {
            Domain.Registration.CertificateStatus.Valid => new("有效", "Valid"),
            Domain.Registration.CertificateStatus.Pledged => new("有效（已质押）", "Valid, pledged"),
            Domain.Registration.CertificateStatus.Expired => new("已过期", "Expired"),
            Domain.Registration.CertificateStatus.Superseded => new("已被替换", "Superseded"),
            Domain.Registration.CertificateStatus.Cancelled => new("已注销", "Cancelled"),
            Domain.Registration.CertificateStatus.Revoked => new("已撤销", "Revoked"),
            _ => new(status, status),
        } : new(status, status);

    /// <summary>The name of a kind of licence, from its JSON name ("exclusive").</summary>
    public static Bilingual LicenceKind(string kind) => kind switch
    {
        "exclusive" => new("独占许可", "Exclusive"),
        "sole" => new("排他许可", "Sole"),
        "nonExclusive" => new("普通许可", "Non-exclusive"),
        _ => new(kind, kind),
    };

    /// <summary>A share in basis points as a percentage.</summary>
    public static string Share(int basisPoints) => (basisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>The name of a check of a certificate's credential.</summary>
    public static Bilingual Check(CertificateCheckKind kind) => kind switch
    {
        CertificateCheckKind.Signature => new("凭证签名", "Credential signatures"),
        CertificateCheckKind.LogProof => new("日志证明", "Log inclusion proof"),
        CertificateCheckKind.IssuanceAct => new("叶哈希绑定：发证行为", "Leaf-hash binding: the issuance act"),
        CertificateCheckKind.LogInclusion => new("发证行为已记入透明日志", "Issuance act included in the log"),
        _ => new(kind.ToString(), kind.ToString()),
    };

    /// <summary>The name of a right on a certificate, from its JSON name ("holding"), as the PDF names it.</summary>
    public static Bilingual Right(string right)
    {
        if (!Enum.TryParse<DataRight>(right, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            return new(right, right);
        }

        var (zh, en) = CertificatePdf.RightName(parsed);
        return new(zh, en);
    }

    /// <summary>The role of a signed-in user; an administrator bound to a body is that body's administrator.</summary>
    public static Bilingual Role(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var bound = user.HasClaim(c => c.Type == Claims.BodyId);
        return Enum.TryParse<AccountRole>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role switch
        {
            AccountRole.Applicant => new("申请人", "Applicant"),
            AccountRole.Examiner => new("审查员", "Examiner"),
            AccountRole.Administrator when bound => new("登记机构管理员", "Body administrator"),
            AccountRole.Administrator => new("国家管理员", "National administrator"),
            AccountRole.Pledgee => new("质权人", "Pledgee"),
            _ => new("未知角色", "Unknown role"),
        } : new("未知角色", "Unknown role");
    }

    /// <summary>The name the signed-in user is shown by.</summary>
    public static string Name(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(Claims.DisplayName) ?? user.Identity?.Name ?? "";
    }

    /// <summary>The day of an instant in China, as yyyy-MM-dd.</summary>
    public static string Day(DateTimeOffset instant) => Day(ChinaTime.ToChinaDate(instant));

    /// <summary>A day as yyyy-MM-dd.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
