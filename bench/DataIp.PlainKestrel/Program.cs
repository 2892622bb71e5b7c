// The reference endpoints of bench/run-verify-bench.sh: Kestrel and a minimal API on the routes of
// GET /api/v1/certificates/{certificateNumber} and …/status, answering fixed values of the same
// shape as the platform's (CertificateStatusView, CertificateStatusAnswer) serialised on every
// request, as the real endpoints do. What
// the real endpoint costs beyond this is its own work: the query, the credential parse, the view.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

app.MapGet("/api/v1/certificates/{certificateNumber}", (string certificateNumber, HttpContext http) =>
{
    http.Response.Headers.CacheControl = "no-cache";
    return TypedResults.Ok(PlainStatus.For(certificateNumber));
});
app.MapGet("/api/v1/certificates/{certificateNumber}/status", (string certificateNumber, HttpContext http) =>
{
    http.Response.Headers.CacheControl = "no-cache";
    return TypedResults.Ok(new PlainStatusAnswer(certificateNumber, "valid", null, null, new DateOnly(2029, 2, 2), null));
});
app.MapGet("/healthz", () => TypedResults.Text("ok"));

// The reference of bench/run-page-bench.sh: a fixed HTML page of a page's usual size (a table of
// 50 rows, 14 KB), built once, with no database and no view engine.
app.MapGet("/page", (HttpContext http) =>
{
    http.Response.Headers.CacheControl = "no-cache, no-store";
    return TypedResults.Text(PlainPage.Html, "text/html; charset=utf-8");
});

await app.RunAsync();

/// <summary>A page of the platform's usual size and shape, fixed.</summary>
internal static class PlainPage
{
    public static string Html { get; } = Build();

    private static string Build()
    {
        var html = new System.Text.StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>申请</title></head><body><main><h1>本机构的申请</h1><table><thead><tr><th>申请号</th><th>数据名称</th><th>状态</th><th>期限</th></tr></thead><tbody>");
        for (var i = 0; i < 50; i++)
        {
            html.Append("<tr data-move=\"Examiner\"><td><a href=\"/applications/0b5e2a40-4d1c-4f51-9a43-5f0c1c2d3e4f\">SQ440320150000").Append(i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))
                .Append("</a></td><td>深圳市城市交通出行轨迹数据集（2025年度）</td><td><span class=\"state state-registered\">已登记</span></td><td>2026年2月3日</td></tr>");
        }

        return html.Append("</tbody></table></main></body></html>").ToString();
    }
}

/// <summary>A status record like the platform's, with fixed values of the usual length.</summary>
internal sealed record PlainStatus(
    string CertificateNumber,
    string RegistrationNumber,
    string Status,
    string? StatusReason,
    DateTimeOffset? StatusSince,
    string DataName,
    IReadOnlyList<string> Holders,
    IReadOnlyList<string> Rights,
    DateOnly ApplicationDate,
    DateOnly RegistrationDate,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    PlainBody RegistrationBody,
    DateTimeOffset IssuedAt,
    string? Supersedes,
    string? SupersededBy,
    long? IssuanceLogIndex,
    PlainLinks Links)
{
    private const string Base = "http://127.0.0.1:5080/";

    public static PlainStatus For(string number) => new(
        number, "202611000000123X", "valid", null, null,
        "深圳市城市交通出行轨迹数据集（2025年度）", ["深圳市数智交通科技有限公司"], ["holding", "processing", "operation"],
        new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 3), new DateOnly(2026, 2, 3), new DateOnly(2029, 2, 2),
        new PlainBody("4403", "深圳市数据知识产权登记中心", "Shenzhen Data Intellectual Property Registration Centre"),
        new DateTimeOffset(2026, 2, 3, 9, 30, 0, TimeSpan.Zero), null, null, 42,
        new PlainLinks(Base + "verify/" + number, Base + "api/v1/certificates/" + number + "/pdf", Base + "api/v1/certificates/" + number + "/credential"));
}

/// <summary>The status check's answer, the same shape as CertificateStatusAnswer.</summary>
internal sealed record PlainStatusAnswer(
    string CertificateNumber, string Status, string? StatusReason, DateTimeOffset? StatusSince, DateOnly ValidUntil, string? SupersededBy);

/// <summary>The registration body on the record.</summary>
internal sealed record PlainBody(string Code, string Name, string NameEn);

/// <summary>The record's links.</summary>
internal sealed record PlainLinks(string Verification, string Pdf, string Credential);
