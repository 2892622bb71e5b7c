using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Certificates;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Rights;

/// <summary>
/// Issue M5 over HTTP on SQLite and PostgreSQL: the register of rights after registration
/// (licences, pledges, consents, transfers, changes, renewal, expiry, cancellation), its refusals,
/// and the legal status at any date.
/// </summary>
public sealed class RightsTests
{
    private const string Start = "2025-10-01";
    private const string End = "2026-09-30";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Licences_RecordedByTheHolder_ConflictsAndBadInputRefusedWithNothingRecorded(DatabaseProvider provider)
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(provider);
        var (holder, examiner, id) = await CertificateIssuanceTests.RegisterAsync(platform);
        var number = await RegistrationNumberAsync(holder, id);
        var stranger = await platform.ApplicantAsync();

        var first = await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("nonExclusive", ["holding"])).CreatedAsync();
        var firstNumber = first.GetProperty("act").GetProperty("payload").GetProperty("licence").Str("number");
        Assert.Equal($"{number}-L001", firstNumber);
        var acts = await ActCountAsync(platform);

        // An exclusive licence of the same right and an overlapping term conflicts, and is named.
        var conflict = await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("exclusive", ["holding", "processingAndUse"], "2026-06-01", "2026-12-31"))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(firstNumber, conflict.Str("conflictingLicence"));
        Assert.Contains(firstNumber, conflict.Str("detail"), StringComparison.Ordinal);

        // A right not held, dates out of order, a missing name, an unknown kind: 400 naming the field.
        Assert.Contains("rights", (await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("nonExclusive", ["productOperation"]))
            .ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("endsOn", (await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("nonExclusive", ["holding"], "2026-05-01", "2026-04-30"))
            .ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("endsOn", (await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("nonExclusive", ["holding"], "2026-05-01", "2031-04-30"))
            .ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("licenseeName", (await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("nonExclusive", ["holding"]) with { LicenseeName = " " })
            .ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("licenseeIdentifier", (await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("nonExclusive", ["holding"]) with { LicenseeIdentifier = "91350100M000100Y44" })
            .ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("forever", ["holding"])).ProblemAsync(HttpStatusCode.BadRequest);

        // Wrong parties: another applicant, an examiner, an anonymous caller.
        await stranger.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("nonExclusive", ["holding"])).ProblemAsync(HttpStatusCode.Forbidden);
        await examiner.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("nonExclusive", ["holding"])).ProblemAsync(HttpStatusCode.Forbidden);
        await platform.CreateClient().PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("nonExclusive", ["holding"])).ProblemAsync(HttpStatusCode.Unauthorized);
        await holder.PostJsonAsync("/api/v1/registrations/2025111000000010/licences", Licence("nonExclusive", ["holding"])).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("registrationNumber", (await holder.PostJsonAsync("/api/v1/registrations/12345/licences", Licence("nonExclusive", ["holding"]))
            .ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(acts, await ActCountAsync(platform));

        // A sole licence of the other right does not conflict; a second non-exclusive one of holding neither.
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("sole", ["processingAndUse"])).CreatedAsync();
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("nonExclusive", ["holding"], "2026-01-01", "2026-03-31")).CreatedAsync();
        var status = await platform.CreateClient().GetAsync($"/api/v1/registrations/{number}/status").OkAsync();
        Assert.Equal(["L001", "L002", "L003"], status.GetProperty("licences").EnumerateArray().Select(l => l.Str("number")[^4..]).ToArray());
        Assert.Equal("sole", status.GetProperty("licences")[1].Str("kind"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Pledge_FiledJointly_OnlyThePledgeeReleases_ConsentNeededForTransferCancellationAndExclusiveLicence(DatabaseProvider provider)
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(provider);
        var (holder, examiner, id) = await CertificateIssuanceTests.RegisterAsync(platform);
        var number = await RegistrationNumberAsync(holder, id);
        var certificate = (await holder.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("certificateNumber");
        var (bank, bankId) = await PledgeeAsync(platform, "示范银行");
        var (otherBank, _) = await PledgeeAsync(platform, "另一银行");
        var buyer = await platform.ApplicantAsync();
        var buyerId = await AccountIdAsync(buyer);
        var anyone = platform.CreateClient();

        // Bad amounts and currencies are refused with the field named.
        foreach (var (amount, currency, field) in new[] { ("-5", "CNY", "securedAmount"), ("abc", "CNY", "securedAmount"), ("0", "CNY", "securedAmount"), ("12.345", "CNY", "securedAmount"), ("100.5", "JPY", "securedAmount"), ("1000", "XYZ", "currency"), ("1000", "cny", "currency") })
        {
            var bad = await holder.PostJsonAsync($"/api/v1/registrations/{number}/pledges", Pledge(bankId) with { SecuredAmount = amount, Currency = currency })
                .ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains(field, bad.ErrorFields());
        }

        await holder.PostJsonAsync($"/api/v1/registrations/{number}/pledges", new { pledgeeAccountId = bankId, contractNumber = "C-1", securedAmount = 5000000, currency = "CNY", startsOn = Start, endsOn = End, rights = new[] { "holding" } })
            .ProblemAsync(HttpStatusCode.BadRequest);
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/pledges", Pledge(buyerId)).ProblemAsync(HttpStatusCode.BadRequest);

        // Filed by the holder alone: not in force, and the holder cannot complete it alone.
        var filed = await holder.PostJsonAsync($"/api/v1/registrations/{number}/pledges", Pledge(bankId)).AcceptedAsync();
        var pledge = filed.GetProperty("act").GetProperty("payload").GetProperty("pledge").Str("number");
        Assert.Empty((await anyone.GetAsync($"/api/v1/registrations/{number}/status").OkAsync()).GetProperty("pledges").EnumerateArray());
        var awaiting = (await bank.GetAsync($"/api/v1/registrations/{number}/rights").OkAsync()).GetProperty("pledges");
        Assert.Equal((pledge, "filed", "ZY-2025-001"), (awaiting[0].Str("number"), awaiting[0].Str("status"), awaiting[0].Str("contractNumber")));
        Assert.Empty((await bank.GetAsync($"/api/v1/registrations/{number}/rights").OkAsync()).GetProperty("licences").EnumerateArray());
        await otherBank.GetAsync($"/api/v1/registrations/{number}/rights").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Single((await examiner.GetAsync($"/api/v1/registrations/{number}/rights").OkAsync()).GetProperty("pledges").EnumerateArray());
        var oneSide = await holder.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{pledge}/confirm").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("jointly", oneSide.Str("detail"), StringComparison.Ordinal);
        await otherBank.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{pledge}/confirm").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("valid", (await anyone.GetAsync($"/api/v1/certificates/{certificate}/status").OkAsync()).Str("status"));

        await bank.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{pledge}/confirm").OkAsync();
        Assert.Equal("pledged", (await anyone.GetAsync($"/api/v1/certificates/{certificate}/status").OkAsync()).Str("status"));
        var encumbered = await anyone.GetAsync($"/api/v1/registrations/{number}/status").OkAsync();
        Assert.Equal("示范银行", encumbered.GetProperty("pledges")[0].Str("pledgee"));
        Assert.Equal("5000000.00", encumbered.GetProperty("pledges")[0].Str("securedAmount"));
        var page = await anyone.GetStringAsync($"/verify/{certificate}");
        Assert.Contains("data-pledges=\"1\"", page, StringComparison.Ordinal);
        Assert.Contains("示范银行", page, StringComparison.Ordinal);
        Assert.Contains("5000000.00 CNY", page, StringComparison.Ordinal);

        // Nobody but the pledgee releases: not the holder, not another bank, not an examiner without a court order.
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{pledge}/release", new { reason = "paid" }).ProblemAsync(HttpStatusCode.Forbidden);
        await otherBank.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{pledge}/release", new { reason = "paid" }).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("courtOrder", (await examiner.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{pledge}/release", new { reason = "court" })
            .ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        // While pledged: transfer, cancellation and an exclusive licence need the pledgee's consent.
        var offered = await holder.PostJsonAsync($"/api/v1/registrations/{number}/transfers", new { transfereeAccountId = buyerId }).AcceptedAsync();
        var transfer = offered.GetProperty("act").GetProperty("payload").GetProperty("transfer").Str("number");
        await buyer.PostJsonAsync($"/api/v1/registrations/{number}/transfers/{number}-T999/accept").ProblemAsync(HttpStatusCode.NotFound);
        await bank.PostJsonAsync($"/api/v1/registrations/{number}/transfers/{transfer}/accept").ProblemAsync(HttpStatusCode.Forbidden);
        var refusedTransfer = await buyer.PostJsonAsync($"/api/v1/registrations/{number}/transfers/{transfer}/accept").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(pledge, refusedTransfer.Str("detail"), StringComparison.Ordinal);
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/cancellation", new { reason = "no longer needed" }).ProblemAsync(HttpStatusCode.Conflict);
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("exclusive", ["holding"])).ProblemAsync(HttpStatusCode.Conflict);
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("nonExclusive", ["holding"])).CreatedAsync();

        // Consent is the pledgee's alone, for a named act; then the transfer takes effect.
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{pledge}/consents", new { purpose = "transfer", reference = transfer }).ProblemAsync(HttpStatusCode.Forbidden);
        await bank.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{pledge}/consents", new { purpose = "transfer", reference = transfer }).CreatedAsync();
        var accepted = await buyer.PostJsonAsync($"/api/v1/registrations/{number}/transfers/{transfer}/accept").OkAsync();
        Assert.NotEqual(certificate, accepted.Str("certificateNumber"));
        Assert.Equal("superseded", (await anyone.GetAsync($"/api/v1/certificates/{certificate}/status").OkAsync()).Str("status"));
        Assert.Equal("pledged", (await anyone.GetAsync($"/api/v1/certificates/{accepted.Str("certificateNumber")}/status").OkAsync()).Str("status"));
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("nonExclusive", ["holding"])).ProblemAsync(HttpStatusCode.Forbidden);

        // A second pledge, filed by the bank and confirmed by the new holder, ranks second.
        var second = (await otherBank.PostJsonAsync($"/api/v1/registrations/{number}/pledges", Pledge(null)).AcceptedAsync())
            .GetProperty("act").GetProperty("payload").GetProperty("pledge").Str("number");
        await otherBank.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{second}/confirm").ProblemAsync(HttpStatusCode.Conflict);
        await buyer.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{second}/confirm").OkAsync();
        var ranked = await anyone.GetAsync($"/api/v1/registrations/{number}/status").OkAsync();
        Assert.Equal([(pledge, 1), (second, 2)], ranked.GetProperty("pledges").EnumerateArray().Select(p => (p.Str("number"), p.GetProperty("priority").GetInt32())).ToArray());

        // The pledgee releases its pledge; an examiner releases the other on a court order.
        await bank.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{pledge}/release", new { reason = "loan repaid" }).OkAsync();
        await bank.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{pledge}/release", new { reason = "again" }).ProblemAsync(HttpStatusCode.Conflict);
        using (var form = new MultipartFormDataContent())
        {
            var order = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
            order.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(order, "courtOrder", "order.pdf");
            form.Add(new StringContent("(2026)粤03民初123号"), "courtOrderNumber");
            form.Add(new StringContent("深圳市中级人民法院"), "courtName");
            form.Add(new StringContent("2025-01-05"), "courtOrderDate");
            form.Add(new StringContent("The court ordered the pledge released."), "reason");
            var released = await examiner.PostAsync($"/api/v1/registrations/{number}/pledges/{second}/release", form).OkAsync();
            Assert.Equal("courtOrder", released.GetProperty("act").GetProperty("payload").Str("basis"));
        }

        Assert.Empty((await anyone.GetAsync($"/api/v1/registrations/{number}/status").OkAsync()).GetProperty("pledges").EnumerateArray());
        Assert.Equal("valid", (await anyone.GetAsync($"/api/v1/certificates/{accepted.Str("certificateNumber")}/status").OkAsync()).Str("status"));

        // Unpledged, the new holder may cancel without anyone's consent.
        var cancelled = await buyer.PostJsonAsync($"/api/v1/registrations/{number}/cancellation", new { reason = "product discontinued" }).OkAsync();
        Assert.Equal("cancelled", cancelled.Str("state"));
        Assert.Equal("cancelled", (await anyone.GetAsync($"/api/v1/certificates/{accepted.Str("certificateNumber")}/status").OkAsync()).Str("status"));
        await buyer.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("nonExclusive", ["holding"])).ProblemAsync(HttpStatusCode.Conflict);
        await HolderOrderCopies.AssertEqualTheRegistrationsAsync(platform); // the transferee took the holder's place, then cancelled
    }

    [Fact]
    public async Task ExclusiveLicences_200AtOnceOnPostgres_ExactlyOneRecordedAndTheOthersNameIt()
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(DatabaseProvider.Postgres);
        var (holder, _, id) = await CertificateIssuanceTests.RegisterAsync(platform);
        var number = await RegistrationNumberAsync(holder, id);
        var acts = await ActCountAsync(platform);

        using var gate = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, 200).Select(async i =>
        {
            await gate.WaitAsync();
            using var response = await holder.PostAsJsonAsync($"/api/v1/registrations/{number}/licences", Licence("exclusive", ["holding"]) with { LicenseeName = $"被许可人 {i}" });
            return (response.StatusCode, Body: JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }).ToList();
        gate.Release(200);
        var answers = await Task.WhenAll(requests);

        var winner = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        var licence = winner.Body.GetProperty("act").GetProperty("payload").GetProperty("licence").Str("number");
        var losers = answers.Where(a => a.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(199, losers.Count);
        Assert.All(losers, l =>
        {
            Assert.Equal(HttpStatusCode.Conflict, l.StatusCode);
            Assert.Equal(licence, l.Body.Str("conflictingLicence"));
        });
        Assert.Equal(acts + 1, await ActCountAsync(platform));
        await using var scope = platform.Scope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Licences.CountAsync());
    }

    [Fact]
    public async Task TransferAndPledge_RacingOnPostgres_NeverBothTakeEffect()
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(DatabaseProvider.Postgres);
        var (bank, _) = await PledgeeAsync(platform, "示范银行");
        var buyer = await platform.ApplicantAsync();
        var buyerId = await AccountIdAsync(buyer);
        var outcomes = new List<(HttpStatusCode Confirm, HttpStatusCode Accept)>();
        var registered = await RegisterManyAsync(platform, 6);
        for (var round = 0; round < registered.Count; round++)
        {
            var (holder, id) = registered[round];
            var number = await RegistrationNumberAsync(holder, id);
            var certificate = (await holder.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("certificateNumber");
            var pledge = (await bank.PostJsonAsync($"/api/v1/registrations/{number}/pledges", Pledge(null)).AcceptedAsync())
                .GetProperty("act").GetProperty("payload").GetProperty("pledge").Str("number");
            var transfer = (await holder.PostJsonAsync($"/api/v1/registrations/{number}/transfers", new { transfereeAccountId = buyerId }).AcceptedAsync())
                .GetProperty("act").GetProperty("payload").GetProperty("transfer").Str("number");

            using var gate = new SemaphoreSlim(0);
            var confirm = Task.Run(async () => { await gate.WaitAsync(); using var r = await holder.PostAsync($"/api/v1/registrations/{number}/pledges/{pledge}/confirm", null); return r.StatusCode; });
            var accept = Task.Run(async () => { await gate.WaitAsync(); using var r = await buyer.PostAsync($"/api/v1/registrations/{number}/transfers/{transfer}/accept", null); return r.StatusCode; });
            gate.Release(2);
            outcomes.Add((await confirm, await accept));

            var status = await platform.CreateClient().GetAsync($"/api/v1/registrations/{number}/status").OkAsync();
            var pledged = status.GetProperty("pledges").GetArrayLength() == 1;
            // (The buyer has the same display name as the holder: a transfer shows as a new certificate.)
            var transferred = status.Str("certificateNumber") != certificate;
            Assert.False(pledged && transferred, $"round {round}: the pledge and the transfer both took effect without the pledgee's consent");
            Assert.True(pledged || transferred, $"round {round}: neither took effect");
        }

        // Exactly one of each pair succeeded; the other was refused with a reason, never a 500.
        Assert.All(outcomes, o => Assert.True(
            (o.Confirm == HttpStatusCode.OK) != (o.Accept == HttpStatusCode.OK)
            && (o.Confirm is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.Forbidden)
            && (o.Accept is HttpStatusCode.OK or HttpStatusCode.Conflict),
            $"confirm {o.Confirm}, accept {o.Accept}"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task StatusAtDate_LongScriptedHistory_EachDateShowsTheRegisterAsItStoodThen(DatabaseProvider provider)
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(provider);
        var (holder, examiner, id) = await CertificateIssuanceTests.RegisterAsync(platform); // registered 2025-09-30
        var number = await RegistrationNumberAsync(holder, id);
        var (bank, bankId) = await PledgeeAsync(platform, "示范银行");
        var buyer = await platform.ApplicantAsync();
        var buyerId = await AccountIdAsync(buyer);

        await platform.SetTimeAsync(LifecycleWalkTests.At(2025, 10, 10, 10));
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("exclusive", ["processingAndUse"], "2025-11-01", "2026-10-31")).CreatedAsync();
        await platform.SetTimeAsync(LifecycleWalkTests.At(2025, 11, 3, 10));
        var pledge = (await holder.PostJsonAsync($"/api/v1/registrations/{number}/pledges", Pledge(bankId)).AcceptedAsync())
            .GetProperty("act").GetProperty("payload").GetProperty("pledge").Str("number");
        await platform.SetTimeAsync(LifecycleWalkTests.At(2025, 11, 5, 10));
        await bank.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{pledge}/confirm").OkAsync();
        await platform.SetTimeAsync(LifecycleWalkTests.At(2026, 1, 15, 10));
        var transfer = (await holder.PostJsonAsync($"/api/v1/registrations/{number}/transfers", new { transfereeAccountId = buyerId, share = 4000 }).AcceptedAsync())
            .GetProperty("act").GetProperty("payload").GetProperty("transfer").Str("number");
        await bank.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{pledge}/consents", new { purpose = "transfer" }).CreatedAsync();
        await buyer.PostJsonAsync($"/api/v1/registrations/{number}/transfers/{transfer}/accept").OkAsync();
        await platform.SetTimeAsync(LifecycleWalkTests.At(2026, 3, 2, 10));
        await bank.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{pledge}/release", new { reason = "loan repaid" }).OkAsync();
        await platform.SetTimeAsync(LifecycleWalkTests.At(2026, 4, 1, 10));
        var change = (await buyer.PostJsonAsync($"/api/v1/registrations/{number}/changes", new { holderName = "新名称数据有限公司" }).AcceptedAsync())
            .GetProperty("act").GetProperty("payload").Str("changeId");
        await examiner.PostJsonAsync($"/api/v1/registrations/{number}/changes/{change}/approve").OkAsync();
        await platform.SetTimeAsync(LifecycleWalkTests.At(2028, 6, 1, 10));
        var early = await holder.PostJsonAsync($"/api/v1/registrations/{number}/renewal").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("2028-07-02", early.Str("detail"), StringComparison.Ordinal);
        await platform.SetTimeAsync(LifecycleWalkTests.At(2028, 8, 1, 10));
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/renewal").OkAsync();
        await platform.SetTimeAsync(LifecycleWalkTests.At(2029, 2, 1, 10));
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/revoke", new { reason = "Fraud found in the source documents." }).OkAsync();

        var anyone = platform.CreateClient();
        async Task<JsonElement> At(string date) => await anyone.GetAsync($"/api/v1/registrations/{number}/status?at={date}").OkAsync();
        static string[] Holders(JsonElement s) => [.. s.GetProperty("holders").EnumerateArray().Select(h => $"{h.Str("name")}:{h.GetProperty("share").GetInt32()}")];
        static int Count(JsonElement s, string list) => s.GetProperty(list).GetArrayLength();
        var buyerName = TestContent.ApplicantName;

        await anyone.GetAsync($"/api/v1/registrations/{number}/status?at=2025-09-29").ProblemAsync(HttpStatusCode.NotFound);
        var registered = await At("2025-09-30");
        Assert.Equal(("registered", "2028-09-29", 0, 0), (registered.Str("state"), registered.Str("validUntil"), Count(registered, "licences"), Count(registered, "pledges")));
        Assert.Equal([$"{TestContent.ApplicantName}:10000"], Holders(registered));
        Assert.Equal((1, 0), (Count(await At("2025-10-10"), "licences"), Count(await At("2025-10-10"), "pledges")));
        Assert.Equal(0, Count(await At("2025-11-04"), "pledges"));
        Assert.Equal(1, Count(await At("2025-11-05"), "pledges"));
        Assert.Single(Holders(await At("2026-01-14")));
        Assert.Equal([$"{TestContent.ApplicantName}:6000", $"{buyerName}:4000"], Holders(await At("2026-01-15")));
        Assert.Equal(1, Count(await At("2026-03-01"), "pledges"));
        Assert.Equal(0, Count(await At("2026-03-02"), "pledges"));
        Assert.Equal([$"{TestContent.ApplicantName}:6000", $"{buyerName}:4000"], Holders(await At("2026-03-31")));
        Assert.Equal([$"{TestContent.ApplicantName}:6000", "新名称数据有限公司:4000"], Holders(await At("2026-04-01")));
        Assert.Equal(1, Count(await At("2026-10-31"), "licences"));
        Assert.Equal(0, Count(await At("2026-11-01"), "licences"));
        Assert.Equal("2028-09-29", (await At("2028-07-31")).Str("validUntil"));
        Assert.Equal("2031-09-29", (await At("2028-08-01")).Str("validUntil"));
        Assert.Equal("registered", (await At("2029-01-31")).Str("state"));
        Assert.Equal("revoked", (await At("2029-02-01")).Str("state"));
        var instant = await anyone.GetAsync($"/api/v1/registrations/{number}/status?at=2025-11-05T09:59:00%2B08:00").OkAsync();
        Assert.Equal(0, Count(instant, "pledges"));
        Assert.Contains("at", (await anyone.GetAsync($"/api/v1/registrations/{number}/status?at=yesterday").ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        // The replay agrees with the register's current tables.
        var now = await anyone.GetAsync($"/api/v1/registrations/{number}/status").OkAsync();
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var holders = await db.RightHolders.Where(h => h.ApplicationId == Guid.Parse(id)).OrderBy(h => h.Position).Select(h => $"{h.Name}:{h.Share}").ToListAsync();
        Assert.Equal(holders, Holders(now));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ChangeAndExpiry_ExaminedChangeIssuesACertificate_ValidityEndsWithoutRenewal(DatabaseProvider provider)
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(provider);
        var (holder, examiner, id) = await CertificateIssuanceTests.RegisterAsync(platform);
        var number = await RegistrationNumberAsync(holder, id);
        var otherExaminer = await platform.ExaminerAsync("1100");
        var anyone = platform.CreateClient();

        Assert.Contains("dataName", (await holder.PostJsonAsync($"/api/v1/registrations/{number}/changes", new { }).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await examiner.PostJsonAsync($"/api/v1/registrations/{number}/changes", new { dataName = "x" }).ProblemAsync(HttpStatusCode.Forbidden);
        var change = (await holder.PostJsonAsync($"/api/v1/registrations/{number}/changes", new { dataName = "城市交通流量数据集（2026版）", updateFrequency = "daily" }).AcceptedAsync())
            .GetProperty("act").GetProperty("payload").Str("changeId");
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/changes", new { dataName = "again" }).ProblemAsync(HttpStatusCode.Conflict);
        var pending = (await examiner.GetAsync($"/api/v1/registrations/{number}/rights").OkAsync()).GetProperty("changes")[0];
        Assert.Equal((change, "pending", "daily"), (pending.Str("id"), pending.Str("status"), pending.GetProperty("changes").Str("updateFrequency")));
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/changes/{change}/approve").ProblemAsync(HttpStatusCode.Forbidden);
        await otherExaminer.PostJsonAsync($"/api/v1/registrations/{number}/changes/{change}/approve").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("reason", (await examiner.PostJsonAsync($"/api/v1/registrations/{number}/changes/{change}/refuse", new { reason = "" })
            .ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var before = (await holder.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("certificateNumber");
        var approved = await examiner.PostJsonAsync($"/api/v1/registrations/{number}/changes/{change}/approve").OkAsync();
        Assert.NotEqual(before, approved.Str("certificateNumber"));
        var record = await anyone.GetAsync($"/api/v1/certificates/{approved.Str("certificateNumber")}").OkAsync();
        Assert.Equal("城市交通流量数据集（2026版）", record.Str("dataName"));
        await HolderOrderCopies.AssertIndustryCopiesAsync(platform); // the approved change renamed the data
        await examiner.PostJsonAsync($"/api/v1/registrations/{number}/changes/{change}/approve").ProblemAsync(HttpStatusCode.Conflict);

        // A second change is refused with reasons: nothing changes, no certificate is issued.
        var second = (await holder.PostJsonAsync($"/api/v1/registrations/{number}/changes", new { dataName = "另一个名称" }).AcceptedAsync())
            .GetProperty("act").GetProperty("payload").Str("changeId");
        var refused = await examiner.PostJsonAsync($"/api/v1/registrations/{number}/changes/{second}/refuse", new { reason = "名称与数据内容不符。" }).OkAsync();
        Assert.Equal(approved.Str("certificateNumber"), refused.Str("certificateNumber"));
        var decided = (await holder.GetAsync($"/api/v1/registrations/{number}/rights").OkAsync()).GetProperty("changes");
        Assert.Equal(["approved", "refused"], decided.EnumerateArray().Select(c => c.Str("status")));
        Assert.Equal("名称与数据内容不符。", decided[1].Str("reasons"));
        Assert.Equal("城市交通流量数据集（2026版）", (await anyone.GetAsync($"/api/v1/certificates/{refused.Str("certificateNumber")}").OkAsync()).Str("dataName"));

        // Transfers not taken up: withdrawn by the holder, declined by the transferee; neither moves anything.
        var buyer = await platform.ApplicantAsync();
        var buyerId = await AccountIdAsync(buyer);
        var withdrawn = (await holder.PostJsonAsync($"/api/v1/registrations/{number}/transfers", new { transfereeAccountId = buyerId, share = 2500 }).AcceptedAsync())
            .GetProperty("act").GetProperty("payload").GetProperty("transfer").Str("number");
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/transfers/{withdrawn}/decline", new { reason = "协议未签署" }).OkAsync();
        await buyer.PostJsonAsync($"/api/v1/registrations/{number}/transfers/{withdrawn}/accept").ProblemAsync(HttpStatusCode.Conflict);
        var declined = (await holder.PostJsonAsync($"/api/v1/registrations/{number}/transfers", new { transfereeAccountId = buyerId }).AcceptedAsync())
            .GetProperty("act").GetProperty("payload").GetProperty("transfer").Str("number");
        await examiner.PostJsonAsync($"/api/v1/registrations/{number}/transfers/{declined}/decline").ProblemAsync(HttpStatusCode.Forbidden);
        await buyer.PostJsonAsync($"/api/v1/registrations/{number}/transfers/{declined}/decline").OkAsync();
        Assert.Contains("share", (await holder.PostJsonAsync($"/api/v1/registrations/{number}/transfers", new { transfereeAccountId = buyerId, share = 10001 })
            .ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("transfereeAccountId", (await holder.PostJsonAsync($"/api/v1/registrations/{number}/transfers", new { transfereeAccountId = Guid.NewGuid() })
            .ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var transfers = (await buyer.GetAsync($"/api/v1/registrations/{number}/rights").OkAsync()).GetProperty("transfers");
        Assert.Equal(["declined", "declined"], transfers.EnumerateArray().Select(t => t.Str("status")));
        Assert.Equal([$"{TestContent.ApplicantName}:10000"], (await anyone.GetAsync($"/api/v1/registrations/{number}/status").OkAsync())
            .GetProperty("holders").EnumerateArray().Select(h => $"{h.Str("name")}:{h.GetProperty("share").GetInt32()}"));

        // Renewal only in the window; without it, validity ends and the sweep records the expiry.
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/renewal").ProblemAsync(HttpStatusCode.Conflict);
        await platform.SetTimeAsync(LifecycleWalkTests.At(2028, 9, 29, 23));
        Assert.Equal(0, await platform.SweepAsync());
        await platform.SetTimeAsync(LifecycleWalkTests.At(2028, 9, 30, 0));
        Assert.Equal(1, await platform.SweepAsync());
        Assert.Equal("expired", (await anyone.GetAsync($"/api/v1/registrations/{number}/status").OkAsync()).Str("state"));
        Assert.Equal("expired", (await anyone.GetAsync($"/api/v1/certificates/{approved.Str("certificateNumber")}/status").OkAsync()).Str("status"));
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/renewal").ProblemAsync(HttpStatusCode.Conflict);
        await HolderOrderCopies.AssertEqualTheRegistrationsAsync(platform); // expired by the sweep
    }

    internal sealed record LicenceBody(
        string LicenseeName, string Kind, string[] Rights, string Scope, string Territory, string StartsOn, string EndsOn, bool SubLicensing, string? LicenseeIdentifier = null);

    internal sealed record PledgeBody(string? PledgeeAccountId, string ContractNumber, string SecuredAmount, string Currency, string StartsOn, string EndsOn, string[] Rights);

    internal static LicenceBody Licence(string kind, string[] rights, string startsOn = Start, string endsOn = End) =>
        new("示范被许可科技有限公司", kind, rights, "在智慧交通产品中使用", "中国大陆", startsOn, endsOn, false, TestContent.CreditCode);

    internal static PledgeBody Pledge(string? pledgeeAccountId) =>
        new(pledgeeAccountId, "ZY-2025-001", "5000000.00", "CNY", Start, End, ["holding", "processingAndUse"]);

    /// <summary>Several applications of body 4400 registered together (clock then on 2025-09-30).</summary>
    internal static async Task<List<(HttpClient Holder, string Id)>> RegisterManyAsync(RegistryFactory platform, int count)
    {
        var examiner = await platform.ExaminerAsync("4400");
        var filed = new List<(HttpClient, string)>();
        for (var i = 0; i < count; i++)
        {
            var applicant = await platform.ApplicantAsync();
            var id = (await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400", content = TestContent.Complete() }).OkAsync()).Str("id");
            await applicant.PostJsonAsync($"/api/v1/applications/{id}/submit").OkAsync();
            await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
            await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/pass").OkAsync();
            filed.Add((applicant, id));
        }

        await platform.SetTimeAsync(LifecycleWalkTests.At(2025, 9, 30, 9));
        Assert.Equal(count, await platform.SweepAsync());
        return filed;
    }

    internal static async Task<string> RegistrationNumberAsync(HttpClient holder, string id) =>
        (await holder.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("registrationNumber");

    internal static async Task<string> AccountIdAsync(HttpClient client) => (await client.GetAsync("/api/v1/accounts/me").OkAsync()).Str("id");

    /// <summary>Creates a pledgee (bank) account as an administrator would, signs in, and returns its id.</summary>
    internal static async Task<(HttpClient Client, string Id)> PledgeeAsync(RegistryFactory platform, string name)
    {
        var email = $"bank.{Guid.NewGuid():N}@test.dataip.cn";
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);
        await admin.PostJsonAsync("/api/v1/accounts/staff", new { email, password = RegistryFactory.Password, displayName = name, role = "pledgee" }).CreatedAsync();
        var client = await platform.SignInAsync(email);
        return (client, await AccountIdAsync(client));
    }

    private static async Task<int> ActCountAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Acts.CountAsync();
    }
}

/// <summary>Asserts the status of an act that creates (201) or files (202) something.</summary>
internal static class StatusAsserts
{
    public static Task<JsonElement> CreatedAsync(this Task<HttpResponseMessage> request) => ExpectAsync(request, HttpStatusCode.Created);

    public static Task<JsonElement> AcceptedAsync(this Task<HttpResponseMessage> request) => ExpectAsync(request, HttpStatusCode.Accepted);

    private static async Task<JsonElement> ExpectAsync(Task<HttpResponseMessage> request, HttpStatusCode status)
    {
        using var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
