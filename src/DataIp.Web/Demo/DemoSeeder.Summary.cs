using System.Globalization;
using System.Text;
using DataIp.Domain.Calendar;

namespace DataIp.Web.Demo;

/// <summary>What the demo seeded, logged at start: its dates and numbers depend on the day it ran.</summary>
internal sealed partial class DemoSeeder
{
    private async Task LogSummaryAsync(CancellationToken ct)
    {
        var acts = await db.Acts.AsNoTracking().Select(a => a.At).ToListAsync(ct).ConfigureAwait(false);
        var applications = await db.Applications.AsNoTracking().Include(a => a.Body).OrderBy(a => a.CreatedAt)
            .ToListAsync(ct).ConfigureAwait(false);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Demo: seeded {acts.Count} acts, from {Day(acts.Min())} to {Day(acts.Max())} (China time):");
        foreach (var app in applications)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {JsonNaming.Camel(app.State),-23} {app.DataName} (body {app.Body.Code}")
                .Append(app.ApplicationNumber is { } applicationNumber ? $", application {applicationNumber}" : "")
                .Append(app.RegistrationNumber is { } registrationNumber
                    ? string.Create(CultureInfo.InvariantCulture, $", registration {registrationNumber} of {app.RegistrationDate:yyyy-MM-dd} valid until {app.ValidUntil:yyyy-MM-dd}, certificate {app.CertificateNumber}")
                    : "")
                .Append(app.CorrectionLastDay is { } correction ? string.Create(CultureInfo.InvariantCulture, $", correction due by {correction:yyyy-MM-dd}") : "")
                .Append(app.State == Domain.Registration.ApplicationState.PublicNotice
                    ? string.Create(CultureInfo.InvariantCulture, $", notice until {app.NoticeLastDay:yyyy-MM-dd}") : "")
                .Append(')');
        }

        logger.LogInformation("{Summary}", text.ToString());
    }

    private static string Day(DateTimeOffset instant) => ChinaTime.ToChinaDate(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
