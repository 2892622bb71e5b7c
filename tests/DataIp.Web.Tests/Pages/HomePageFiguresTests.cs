using System.Globalization;
using System.Text.RegularExpressions;
using DataIp.Data;
using DataIp.Domain.Registration;
using DataIp.Domain.Rights;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>The home page's figures on the demo, on SQLite and PostgreSQL, equal the database counted row by row here.</summary>
public sealed partial class HomePageFiguresTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Figures_EqualDirectCountsOfTheDatabase(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);

        var html = await platform.CookieClient().GetStringAsync("/");
        var shown = Figure().Matches(html).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        var amounts = Amount().Matches(html).ToDictionary(m => m.Groups[1].Value, m => decimal.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var applications = await db.Applications.Select(a => new { a.Id, a.State, a.ApplicationNumber, a.RegistrationNumber }).ToListAsync();
        var certificates = await db.Certificates.Select(c => new { c.ApplicationId, c.Superseded }).ToListAsync();
        var pledges = (await db.Pledges.Select(p => new { p.Status, p.Currency, p.SecuredAmount }).ToListAsync()).Where(p => p.Status == PledgeStatus.Registered).ToList();

        Assert.Equal(applications.Count(a => a.ApplicationNumber != null), shown["received"]);
        Assert.Equal(applications.Count(a => a.State is ApplicationState.Submitted or ApplicationState.FormalExamination or ApplicationState.CorrectionRequested or ApplicationState.SubstantiveExamination), shown["inExamination"]);
        Assert.Equal(applications.Count(a => a.State is ApplicationState.PublicNotice or ApplicationState.ObjectionReview), shown["onNotice"]);
        Assert.Equal(applications.Count(a => a.RegistrationNumber != null), shown["registrations"]);
        Assert.Equal(certificates.Count(c => !c.Superseded && applications.Single(a => a.Id == c.ApplicationId).State == ApplicationState.Registered), shown["validCertificates"]);
        Assert.Equal(pledges.Count, shown["pledges"]);
        Assert.True(pledges.Count > 0, "the demo has a pledge in force");
        Assert.Equal(pledges.GroupBy(p => p.Currency).ToDictionary(g => g.Key, g => g.Sum(p => p.SecuredAmount)), amounts);
        Assert.True(shown["received"] > 0 && shown["registrations"] > 0 && shown["validCertificates"] > 0);
    }

    [GeneratedRegex("<div data-figure=\"([a-zA-Z]+)\"><dt>.*?</dt><dd>([0-9,]+)</dd></div>")]
    private static partial Regex Figure();

    [GeneratedRegex("<tr data-currency=\"([A-Z]{3})\">.*?data-amount=\"([0-9.]+)\"")]
    private static partial Regex Amount();
}
