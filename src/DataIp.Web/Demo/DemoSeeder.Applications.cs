using DataIp.Domain.Calendar;
using DataIp.Domain.Registration;
using DataIp.Web.Features.Applications;

namespace DataIp.Web.Demo;

/// <summary>The demo's applications, one or more in every state of the lifecycle.</summary>
internal sealed partial class DemoSeeder
{
    private static readonly TimeSpan China = ChinaTime.Offset;

    private async Task SeedApplicationsAsync(CancellationToken ct)
    {
        var demoClock = new DemoClock(clock.GetUtcNow());
        var lifecycle = new LifecycleService(db, demoClock, new CalendarService(db), new Features.Evidence.EvidenceService(db, new Infrastructure.EvidenceOptions()),
            new Features.Certificates.CertificateIssuer(issuerKeys, logKeys, options, demoClock), new Features.Notifications.Notifier(db));
        var drafts = new DraftService(db, demoClock, store);
        var flow = new DemoFlow(this, demoClock, lifecycle, drafts, clock.GetUtcNow().AddHours(-3), ct);

        // Registered in January 2024, on a calendar entered for the demo, so that its validity of
        // three years ends in January 2027 and the demo can renew it within the renewal window in
        // 2026 (SeedRightsAsync says why a 2025 registration cannot show a renewal).
        var renewed = await flow.SubmittedAsync(0, "4403", "深圳市公交客流数据集", "G54", At(2024, 1, 2)).ConfigureAwait(false);
        await flow.ExamineAndPublishAsync(renewed, At(2024, 1, 3)).ConfigureAwait(false);
        demoClock.Set(At(2024, 1, 18));
        await DemoFlow.MustAsync(lifecycle.RegisterAsync(renewed, ActingParty.System, ct)).ConfigureAwait(false);

        // Histories of 2025, on the shipped calendar: three registrations, a rejection, a lapse, in
        // the order they happened (the log's acts never go back in time).
        var registered1 = await flow.SubmittedAsync(0, "4403", "深圳市城市交通流量数据集", "I65", At(2025, 9, 1)).ConfigureAwait(false);
        await flow.ExamineAndPublishAsync(registered1, At(2025, 9, 2)).ConfigureAwait(false);
        demoClock.Set(At(2025, 9, 18));
        await DemoFlow.MustAsync(lifecycle.RegisterAsync(registered1, ActingParty.System, ct)).ConfigureAwait(false);

        var registered2 = await flow.SubmittedAsync(1, "4400", "广东省医疗健康诊疗数据集", "Q84", At(2025, 9, 20)).ConfigureAwait(false);
        await flow.ExamineAndPublishAsync(registered2, At(2025, 9, 22)).ConfigureAwait(false);
        var objection = await flow.ObjectAsync(registered2, At(2025, 9, 25)).ConfigureAwait(false);
        demoClock.Set(At(2025, 9, 30));
        await DemoFlow.MustAsync(lifecycle.RuleObjectionAsync(objection, await flow.ExaminerAsync("4400").ConfigureAwait(false), upheld: false,
            "异议人未提供权属争议的证据。The objector gave no evidence of a dispute over ownership.", ct)).ConfigureAwait(false);

        var registered3 = await flow.SubmittedAsync(2, "3100", "上海金融市场交易行情数据集", "J67", At(2025, 10, 10)).ConfigureAwait(false);
        await flow.ExamineAndPublishAsync(registered3, At(2025, 10, 11)).ConfigureAwait(false);
        demoClock.Set(At(2025, 10, 20));
        await DemoFlow.MustAsync(lifecycle.RegisterAsync(registered2, ActingParty.System, ct)).ConfigureAwait(false);
        demoClock.Set(At(2025, 11, 3));
        await DemoFlow.MustAsync(lifecycle.RegisterAsync(registered3, ActingParty.System, ct)).ConfigureAwait(false);

        var rejected = await flow.SubmittedAsync(1, "4400", "医疗影像标注数据集", "Q84", At(2025, 11, 4)).ConfigureAwait(false);
        var examiner4400 = await flow.ExaminerAsync("4400").ConfigureAwait(false);
        await DemoFlow.MustAsync(lifecycle.StartExaminationAsync(rejected, examiner4400, ct)).ConfigureAwait(false);
        await DemoFlow.MustAsync(lifecycle.RejectAsync(rejected, examiner4400, "数据来源合法性证明不足。The proof of lawful source is insufficient.", ct)).ConfigureAwait(false);

        var lapsed = await flow.SubmittedAsync(0, "4403", "网约车订单数据集", "G54", At(2025, 11, 10)).ConfigureAwait(false);
        var examiner4403 = await flow.ExaminerAsync("4403").ConfigureAwait(false);
        await DemoFlow.MustAsync(lifecycle.StartExaminationAsync(lapsed, examiner4403, ct)).ConfigureAwait(false);
        await DemoFlow.MustAsync(lifecycle.RequestCorrectionAsync(lapsed, examiner4403, "请补充数据来源授权协议。Please attach the data source licence agreement.", ct)).ConfigureAwait(false);
        demoClock.Set(At(2025, 12, 20));
        await DemoFlow.MustAsync(lifecycle.LapseCorrectionAsync(lapsed, ct)).ConfigureAwait(false);

        // Then the register of rights on the registrations, from late 2025 to a few weeks ago.
        await SeedRightsAsync(flow, new DemoRegistrations(renewed, registered1, registered2, registered3)).ConfigureAwait(false);

        await SeedCurrentAsync(flow, demoClock, clock.GetUtcNow()).ConfigureAwait(false);
    }

    // Applications in progress today; acts that need a calendar year nobody entered are skipped
    // with a warning rather than guessed.
    private static async Task SeedCurrentAsync(DemoFlow flow, DemoClock demoClock, DateTimeOffset now)
    {
        // Each step a few minutes after the one before: the log's acts never go back in time.
        var time = now.AddHours(-3);
        DateTimeOffset Next() => time = time.AddMinutes(5);
        demoClock.Set(Next());
        var applicant1 = await flow.ApplicantAsync(0).ConfigureAwait(false);
        await flow.Drafts.CreateAsync(applicant1, "4403", new ApplicationContent
        {
            DataObject = new DataObjectParticulars { DataName = "智慧停车泊位实时数据集", IndustryCode = "I65" },
        }, flow.Cancellation).ConfigureAwait(false);

        await flow.SubmittedAsync(1, "4400", "药品流通追溯数据集", "F51", Next()).ConfigureAwait(false);

        var formal = await flow.SubmittedAsync(2, "3100", "跨境支付结算数据集", "J66", Next()).ConfigureAwait(false);
        await flow.TryAsync(flow.Lifecycle.StartExaminationAsync(formal, await flow.ExaminerAsync("3100").ConfigureAwait(false), flow.Cancellation)).ConfigureAwait(false);

        var correction = await flow.SubmittedAsync(0, "4403", "城市共享单车骑行数据集", "G54", Next()).ConfigureAwait(false);
        var examiner4403 = await flow.ExaminerAsync("4403").ConfigureAwait(false);
        await flow.TryAsync(flow.Lifecycle.StartExaminationAsync(correction, examiner4403, flow.Cancellation)).ConfigureAwait(false);
        await flow.TryAsync(flow.Lifecycle.RequestCorrectionAsync(correction, examiner4403,
            "请补充数据处理规则中脱敏算法的说明。Please describe the desensitisation algorithm in the processing rules.", flow.Cancellation)).ConfigureAwait(false);

        var substantive = await flow.SubmittedAsync(2, "3100", "上市公司舆情数据集", "J67", Next()).ConfigureAwait(false);
        var examiner3100 = await flow.ExaminerAsync("3100").ConfigureAwait(false);
        await flow.TryAsync(flow.Lifecycle.StartExaminationAsync(substantive, examiner3100, flow.Cancellation)).ConfigureAwait(false);
        await flow.TryAsync(flow.Lifecycle.PassAsync(substantive, examiner3100, null, flow.Cancellation)).ConfigureAwait(false);

        // Three quarters of its rows are those of another holder's registered dataset: at its
        // notice the examiner sees the overlap and that holder is notified.
        var notice = await flow.SubmittedAsync(1, "4400", "互联网医院问诊数据集", "Q84", Next(), reuses: "深圳市城市交通流量数据集").ConfigureAwait(false);
        await flow.ExamineAndPublishAsync(notice, Next(), mustSucceed: false).ConfigureAwait(false);

        var objected = await flow.SubmittedAsync(0, "4403", "物流园区车辆轨迹数据集", "G54", Next()).ConfigureAwait(false);
        if (await flow.ExamineAndPublishAsync(objected, Next(), mustSucceed: false).ConfigureAwait(false))
        {
            await flow.ObjectAsync(objected, Next()).ConfigureAwait(false);
        }
    }

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, China);

    private async Task<ActingParty> PartyAsync(string email)
    {
        var account = await users.FindByEmailAsync(email).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Demo account {email} is missing.");
        return new ActingParty(account.Id, account.Role, account.BodyId, account.DisplayName);
    }
}
