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

await app.RunAsync();

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
