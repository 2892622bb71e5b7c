using System.Net.Http.Json;
using System.Text.Json;
using DataIp.Data;
using DataIp.Data.Applications;
using DataIp.Domain.Numbering;
using DataIp.Domain.Registration;
using DataIp.Testing;
using DataIp.Web.Features.Acts;
using DataIp.Web.Features.Examination;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Lifecycle;

/// <summary>Identifiers under concurrent registrations: distinct and gap-free, decided by the database.</summary>
public sealed class ConcurrentRegistrationTests
{
    private const int Count = 200;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Register_TwoHundredAtOnce_SerialsDistinctAndGapFree(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        var applicantId = Guid.Parse((await applicant.GetFromJsonAsync<JsonElement>("/api/v1/accounts/me")).Str("id"));
        var ids = await SeedEndedNoticesAsync(platform, applicantId);

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var registrations = ids.Select(id => Task.Run(async () =>
        {
            await gate.Task;
            await using var scope = platform.Scope();
            return await scope.ServiceProvider.GetRequiredService<ActPipeline>().RunAsync(id, ActingParty.System, new Register(), null, CancellationToken.None);
        })).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(registrations);

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Detail));
        await using var check = platform.Scope();
        var db = check.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var registered = await db.Applications.Where(a => a.State == ApplicationState.Registered).ToListAsync();
        Assert.Equal(Count, registered.Count);
        var sequences = registered.Select(a => { Assert.True(RegistrationNumber.TryParse(a.RegistrationNumber, out var n, out var e), e); return n.Sequence; }).Order();
        Assert.Equal(Enumerable.Range(1, Count).Select(i => (long)i), sequences);
        var serials = registered.Select(a => { Assert.True(CertificateNumber.TryParse(a.CertificateNumber, out var n, out var e), e); return n.Serial; }).Order();
        Assert.Equal(Enumerable.Range(1, Count).Select(i => (long)i), serials);
        Assert.Equal(Count, await db.Certificates.CountAsync());
    }

    // Applications whose notice period has ended, written directly: the test is about the
    // registration act, not the way there.
    private static async Task<List<Guid>> SeedEndedNoticesAsync(RegistryFactory platform, Guid applicantId)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var body = await db.Bodies.SingleAsync(b => b.Code == "4400");
        var now = platform.Clock.GetUtcNow();
        var ids = new List<Guid>();
        for (var i = 1; i <= Count; i++)
        {
            var id = Guid.NewGuid();
            ids.Add(id);
            db.Applications.Add(new ApplicationRecord
            {
                Id = id,
                ApplicationNumber = ApplicationNumber.Create("4400", 2025, i).Value,
                BodyId = body.Id,
                ApplicantId = applicantId,
                State = ApplicationState.PublicNotice,
                Content = TestContent.Complete($"并发数据集 {i}"),
                DataName = $"并发数据集 {i}",
                CreatedAt = now.AddDays(-30),
                SubmittedAt = now.AddDays(-30),
                NoticeStartedAt = now.AddDays(-20),
                NoticeLastDay = DateOnly.FromDateTime(now.AddDays(-2).Date),
                NoticeEndsAt = now.AddDays(-1),
            });
        }

        await db.SaveChangesAsync();
        return ids;
    }
}
