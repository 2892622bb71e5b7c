using DataIp.Data;
using DataIp.Data.Applications;
using DataIp.Data.Certificates;
using DataIp.Data.Rights;
using DataIp.Domain.Calendar;
using DataIp.Domain.Registration;
using DataIp.Domain.Rights;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Statistics;

/// <summary>
/// A register's history written straight into the tables on top of the demo: applications across
/// three bodies, thirteen months and six industries (one in every outcome: still in examination,
/// registered with its certificate, re-issued, cancelled, rejected, registered without a
/// certificate); licences, transfers in every status and pledges in every status in three
/// currencies. Submissions, issues and decisions fall at hours that are the next day in China, so
/// a month counted in UTC instead of China time is caught. Body 1100 gets ten registrations of
/// known processing times (<see cref="HandDurations"/>).
/// </summary>
internal static class GeneratedHistory
{
    public const int Count = 96;

    /// <summary>The processing times (days) of body 1100's ten registrations.</summary>
    public static readonly int[] HandDurations = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];

    private static readonly string?[] Industries = ["I65", "I64", "C39", "J66", "M73", "A01", null];
    private static readonly string[] Bodies = ["4400", "4403", "3100"];
    private static readonly string[] Currencies = ["CNY", "USD", "EUR"];

    public static async Task WriteAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Code, b => b.Id);
        var template = (await db.Applications.AsNoTracking().Where(a => a.State == ApplicationState.Registered).ToListAsync())
            .OrderBy(a => a.RegistrationNumber, StringComparer.Ordinal).First();

        for (var k = 0; k < Count; k++)
        {
            var submitted = new DateTimeOffset(2025, 1, 1, 15, 0, 0, TimeSpan.Zero).AddHours(k * 97);
            var outcome = k % 6;
            var registered = outcome is 1 or 2 or 3 or 5 ? ChinaTime.ToChinaDate(submitted).AddDays(5 + (k * 13 % 50)) : (DateOnly?)null;
            var app = Copy(template, bodies[Bodies[k % 3]], k, submitted, registered, Industries[k % Industries.Length]);
            app.State = outcome switch
            {
                0 => ApplicationState.SubstantiveExamination,
                3 => ApplicationState.Cancelled,
                4 => ApplicationState.Rejected,
                _ => ApplicationState.Registered,
            };
            app.CertificateNumber = outcome is 1 or 2 or 3 ? $"8{k:D16}" : null;
            db.Applications.Add(app);
            if (registered is not { } day)
            {
                continue;
            }

            var issued = ChinaTime.StartOfDay(day).AddHours(9);
            if (outcome == 2)
            {
                db.Certificates.Add(new Certificate { CertificateNumber = $"7{k:D16}", RegistrationNumber = app.RegistrationNumber!, ApplicationId = app.Id, IssuedAt = issued, Superseded = true });
                issued = issued.AddDays(35).AddHours(14); // re-issued: the current certificate's month counts
            }

            if (app.CertificateNumber is { } number)
            {
                db.Certificates.Add(new Certificate { CertificateNumber = number, RegistrationNumber = app.RegistrationNumber!, ApplicationId = app.Id, IssuedAt = issued, Supersedes = outcome == 2 ? $"7{k:D16}" : null });
            }

            AddRights(db, app, day, k);
        }

        // Body 1100's registrations of known processing times, submitted at 23:30 China time.
        for (var i = 0; i < HandDurations.Length; i++)
        {
            var submitted = new DateTimeOffset(2025, 6, 1 + i, 23, 30, 0, ChinaTime.Offset);
            var app = Copy(template, bodies["1100"], 900 + i, submitted, ChinaTime.ToChinaDate(submitted).AddDays(HandDurations[i]), "I65");
            app.State = ApplicationState.Registered;
            app.CertificateNumber = null;
            db.Applications.Add(app);
        }

        await db.SaveChangesAsync();
    }

    private static ApplicationRecord Copy(ApplicationRecord template, int bodyId, int k, DateTimeOffset submitted, DateOnly? registered, string? industry)
    {
        var app = new ApplicationRecord
        {
            Id = Guid.NewGuid(),
            BodyId = bodyId,
            ApplicantId = template.ApplicantId,
            CreatedAt = submitted.AddDays(-3),
            SubmittedAt = submitted,
            ApplicationNumber = $"S{k:D6}",
            RegistrationNumber = registered is null ? null : $"S{k:D15}",
            RegistrationDate = registered,
            ValidUntil = registered?.AddYears(3),
            DecidedAt = registered is { } r ? ChinaTime.StartOfDay(r).AddHours(10) : null,
        };
        // The industry as the content gives it, copied to the column the one way the register copies it.
        app.SetContent(template.Content with { DataObject = template.Content.DataObject! with { IndustryCode = industry } });
        return app;
    }

    private static void AddRights(RegistryDbContext db, ApplicationRecord app, DateOnly registered, int k)
    {
        var start = ChinaTime.StartOfDay(registered);
        if (k % 4 == 1)
        {
            db.Licences.Add(new LicenceRecord
            {
                Id = Guid.NewGuid(),
                Number = $"{app.RegistrationNumber}-L1",
                ApplicationId = app.Id,
                LicenseeName = "被许可人",
                Kind = LicenceKind.NonExclusive,
                Rights = "use",
                Scope = "研究",
                Territory = "中国大陆",
                StartsOn = registered,
                EndsOn = registered.AddYears(1),
                RecordedAt = start.AddDays(20).AddHours(23),
                ActId = Guid.NewGuid(),
            });
        }

        var transfer = (TransferStatus)(k % 3);
        db.Transfers.Add(new TransferRecord
        {
            Id = Guid.NewGuid(),
            Number = $"{app.RegistrationNumber}-T1",
            ApplicationId = app.Id,
            FromAccountId = app.ApplicantId,
            FromName = "甲",
            ToAccountId = Guid.NewGuid(),
            ToName = "乙",
            Share = 10_000,
            Status = transfer,
            ProposedAt = start.AddDays(10),
            DecidedAt = transfer == TransferStatus.Proposed ? null : start.AddDays(12).AddHours(23).AddMinutes(30),
        });
        db.Pledges.Add(new PledgeRecord
        {
            Id = Guid.NewGuid(),
            Number = $"{app.RegistrationNumber}-P1",
            ApplicationId = app.Id,
            PledgeeAccountId = Guid.NewGuid(),
            PledgeeName = "银行",
            HolderAccountId = app.ApplicantId,
            FiledBy = "holder",
            ContractNumber = $"C-{k}",
            SecuredAmount = 1_000_000.50m * (k + 1),
            Currency = Currencies[k % 3],
            StartsOn = registered,
            EndsOn = registered.AddYears(1),
            Rights = "use",
            Status = (PledgeStatus)(k % 4),
            FiledAt = start.AddDays(3).AddHours(18),
        });
    }
}
