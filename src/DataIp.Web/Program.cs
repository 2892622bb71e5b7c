using DataIp.Web.Demo;
using DataIp.Web.Features.Accounts;
using DataIp.Web.Features.Attachments;
using DataIp.Web.Features.Bodies;
using DataIp.Web.Features.Calendar;
using DataIp.Web.Features.Certificates;
using DataIp.Web.Features.Events;
using DataIp.Web.Features.Evidence;
using DataIp.Web.Features.Examination;
using DataIp.Web.Features.Ledger;
using DataIp.Web.Features.Notices;
using DataIp.Web.Features.Notifications;
using DataIp.Web.Features.Rights;
using DataIp.Web.Features.Witness;

// The platform's table of contents: each area adds its services and maps its endpoints.
var builder = WebApplication.CreateBuilder(Startup.ReadDemoFlag(args));
builder.ResolveDataDirectory();
builder.UseLoopbackByDefault();
builder.AddProblems();
builder.AddStorage();
builder.AddAccounts();
builder.AddApiReference();
builder.AddLifecycle();
builder.AddNotifications();
builder.AddLedger();
builder.AddWitness();
builder.AddPages();
builder.AddCertificates();
builder.Services.AddScoped<DemoSeeder>();

// Certificates are printed in Chinese: without a CJK font the platform cannot issue them, so it
// refuses to start rather than fail at the first registration.
if (CertificateFonts.Problem(builder.Configuration[CertificateFonts.FontPathSetting]) is { } fontProblem)
{
    await Console.Error.WriteLineAsync("dataip: " + fontProblem);
    return 1;
}

var app = builder.Build();
app.UseSecurityHeaders();
app.UseErrorPages();
app.UseRequestGuards();
app.UsePageAssets();
app.UseRateLimits();
app.UseAuthentication();
app.UseAuthorization();

app.MapApiReference();
app.MapGet("/healthz", () => TypedResults.Text("ok")).AllowAnonymous().WithTags("Operations").WithSummary("Liveness (anyone).");
app.MapAccountsApi();
app.MapBodiesApi();
app.MapCalendarApi();
app.MapApplicationsApi();
app.MapAttachmentsApi();
app.MapExaminationApi();
app.MapNoticesApi();
app.MapEvidenceApi();
app.MapNotificationsApi();
app.MapWebhooksApi();
app.MapEventsApi();
app.MapLedger();
app.MapWitness();
app.MapIssuer();
app.MapCertificatesApi();
app.MapRightsApi();
app.MapPages();

await app.RunAsync();
return 0;

/// <summary>The web host; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
