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
using DataIp.Web.Features.OpenData;
using DataIp.Web.Features.PilotImports;
using DataIp.Web.Features.Register;
using DataIp.Web.Features.Rights;
using DataIp.Web.Features.Search;
using DataIp.Web.Features.Statistics;
using DataIp.Web.Features.Witness;
using DataIp.Web.Pages;

// The platform's table of contents: each area adds its services (and the check of its settings)
// and maps its endpoints.
var builder = WebApplication.CreateBuilder(Startup.ReadDemoFlag(args));
builder.AddPlatform();
builder.AddPublicReads();
builder.AddStorage();
builder.AddAccounts();
builder.AddApplications();
builder.AddEvidence();
builder.AddNotifications();
builder.AddLedger();
builder.AddWitness();
builder.AddCertificates();
builder.AddStatistics();
builder.AddSearch();
builder.AddPilotImports();
builder.AddPages();
builder.AddDemo();

var app = builder.Build();
// Every area's settings, before anything opens the database, creates a key or listens.
if (!await app.SettingsAreValidAsync())
{
    return 1;
}

app.UsePlatform();
app.MapApiReference();
var api = app.MapApi();
api.MapOperationsApi();
api.MapAccountsApi();
api.MapBodiesApi();
api.MapCalendarApi();
api.MapApplicationsApi();
api.MapAttachmentsApi();
api.MapExaminationApi();
api.MapNoticesApi();
api.MapEvidenceApi();
api.MapNotificationsApi();
api.MapEventsApi();
api.MapLedgerApi();
api.MapWitnessApi();
api.MapCertificatesApi();
api.MapRightsApi();
api.MapOpenDataApi();
api.MapStatisticsApi();
api.MapSearchApi();
api.MapPilotImportsApi();
app.MapPages();

await app.RunAsync();
return 0;

/// <summary>The web host; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
