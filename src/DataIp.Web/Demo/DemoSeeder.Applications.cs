using DataIp.Web.Features.Examination;
using DataIp.Web.Features.Objections;

namespace DataIp.Web.Demo;

/// <summary>The demo's applications, one or more in every state of the lifecycle, dated back from today.</summary>
internal sealed partial class DemoSeeder
{
    private async Task SeedApplicationsAsync(DemoTimeline timeline, CancellationToken ct)
    {
        var demoClock = new DemoClock(timeline.AccountsCreated);
        var acts = new ActPipeline(db, demoClock, new CalendarService(db), new Features.Evidence.EvidenceService(db, new Infrastructure.EvidenceOptions()),
            new Features.Certificates.CertificateIssuer(issuerKeys, logKeys, publicAddress, demoClock), new Features.Notifications.Notifier(db));
        var flow = new DemoFlow(this, demoClock, acts, new DraftService(db, demoClock, store, new Features.Notifications.Notifier(db)), timeline.Now, ct);

        // In the order they happened: the log's acts never go back in time.
        var renewed = await SeedRenewedAsync(flow, timeline).ConfigureAwait(false);
        var (licensed, transferred, revoked) = await SeedRegisteredAsync(flow, timeline.YearAgo).ConfigureAwait(false);
        await SeedRefusedAsync(flow, DemoTimeline.Weekday(flow.LastDay.AddDays(3))).ConfigureAwait(false);
        await SeedRightsAsync(flow, timeline, new DemoRegistrations(renewed, licensed, transferred, revoked)).ConfigureAwait(false);
        await SeedInProgressAsync(flow, timeline.InProgress).ConfigureAwait(false);
    }

    // Registered about 34 months ago, so that it can be renewed within its renewal window
    // (DemoSeeder.Rights.cs): a registration is valid for three years.
    private static async Task<Guid> SeedRenewedAsync(DemoFlow flow, DemoTimeline timeline)
    {
        var day = timeline.RenewedSubmitted;
        var renewed = await flow.SubmittedAsync(0, "4403", "深圳市公交客流数据集", "G54", DemoTimeline.At(day)).ConfigureAwait(false);
        var noticeLastDay = await flow.ExamineAndPublishAsync(renewed, DemoTimeline.At(DemoTimeline.Weekday(day.AddDays(1)))).ConfigureAwait(false);
        await flow.RegisterAfterNoticeAsync(renewed, noticeLastDay).ConfigureAwait(false);
        return renewed;
    }

    // Three registrations of about a year ago, one after the other: one plain, one after an
    // objection that was dismissed, one in Shanghai (formal and substantive examination).
    private static async Task<(Guid Licensed, Guid Transferred, Guid Revoked)> SeedRegisteredAsync(DemoFlow flow, DateOnly day)
    {
        var licensed = await flow.SubmittedAsync(0, "4403", "深圳市城市交通流量数据集", "I65", DemoTimeline.At(day)).ConfigureAwait(false);
        var noticeLastDay = await flow.ExamineAndPublishAsync(licensed, DemoTimeline.At(DemoTimeline.Weekday(day.AddDays(1)))).ConfigureAwait(false);
        await flow.RegisterAfterNoticeAsync(licensed, noticeLastDay).ConfigureAwait(false);

        day = DemoTimeline.Weekday(noticeLastDay.AddDays(3));
        var transferred = await flow.SubmittedAsync(1, "4400", "广东省医疗健康诊疗数据集", "Q84", DemoTimeline.At(day)).ConfigureAwait(false);
        var published = DemoTimeline.Weekday(day.AddDays(1));
        noticeLastDay = await flow.ExamineAndPublishAsync(transferred, DemoTimeline.At(published)).ConfigureAwait(false);
        var objection = await flow.ObjectAsync(transferred, DemoTimeline.At(published.AddDays(2))).ConfigureAwait(false);
        var examiner = await flow.ExaminerAsync("4400").ConfigureAwait(false);
        await flow.AtAsync(DemoTimeline.At(DemoTimeline.Weekday(published.AddDays(5))), "dismiss an objection", () => flow.Act(transferred, examiner, new RuleObjection(objection, upheld: false),
            "异议人未提供权属争议的证据。The objector gave no evidence of a dispute over ownership.")).ConfigureAwait(false);
        await flow.RegisterAfterNoticeAsync(transferred, noticeLastDay).ConfigureAwait(false);

        day = DemoTimeline.Weekday(noticeLastDay.AddDays(3));
        var revoked = await flow.SubmittedAsync(2, "3100", "上海金融市场交易行情数据集", "J67", DemoTimeline.At(day)).ConfigureAwait(false);
        noticeLastDay = await flow.ExamineAndPublishAsync(revoked, DemoTimeline.At(DemoTimeline.Weekday(day.AddDays(1)))).ConfigureAwait(false);
        await flow.RegisterAfterNoticeAsync(revoked, noticeLastDay).ConfigureAwait(false);
        return (licensed, transferred, revoked);
    }

    // A rejection, and an application withdrawn by the platform when its correction deadline
    // passed unanswered, from the given day on.
    private static async Task SeedRefusedAsync(DemoFlow flow, DateOnly day)
    {
        var rejected = await flow.SubmittedAsync(1, "4400", "医疗影像标注数据集", "Q84", DemoTimeline.At(day)).ConfigureAwait(false);
        var examiner4400 = await flow.ExaminerAsync("4400").ConfigureAwait(false);
        var decided = DemoTimeline.At(DemoTimeline.Weekday(day.AddDays(1)));
        await flow.AtAsync(decided, "start an examination", () => flow.Act(rejected, examiner4400, new StartExamination())).ConfigureAwait(false);
        await flow.AtAsync(decided, "reject an application", () => flow.Act(rejected, examiner4400, new Reject(),
            "数据来源合法性证明不足。The proof of lawful source is insufficient.")).ConfigureAwait(false);

        day = DemoTimeline.Weekday(day.AddDays(4));
        var lapsed = await flow.SubmittedAsync(0, "4403", "网约车订单数据集", "G54", DemoTimeline.At(day)).ConfigureAwait(false);
        var examiner4403 = await flow.ExaminerAsync("4403").ConfigureAwait(false);
        var requested = DemoTimeline.At(DemoTimeline.Weekday(day.AddDays(1)));
        await flow.AtAsync(requested, "start an examination", () => flow.Act(lapsed, examiner4403, new StartExamination())).ConfigureAwait(false);
        var correction = await flow.AtAsync(requested, "request a correction", () => flow.Act(lapsed, examiner4403, new RequestCorrection(),
            "请补充数据来源授权协议。Please attach the data source licence agreement.")).ConfigureAwait(false);
        var lastDay = correction.Application!.CorrectionLastDay!.Value;
        await flow.AtAsync(DemoTimeline.At(lastDay.AddDays(1), hour: 9), "withdraw an application whose correction lapsed",
            () => flow.Act(lapsed, ActingParty.System, new LapseCorrection(), LapseCorrection.Reason)).ConfigureAwait(false);
    }

    // Applications in progress today, begun a few hours ago, one act every few minutes: their
    // deadlines (correction, end of notice) lie ahead.
    private static async Task SeedInProgressAsync(DemoFlow flow, DateTimeOffset begins)
    {
        var time = begins;
        DateTimeOffset Next() => time = time.AddMinutes(5);
        await flow.DraftAsync(0, "4403", new ApplicationContent
        {
            DataObject = new DataObjectParticulars { DataName = "智慧停车泊位实时数据集", IndustryCode = "I65" },
        }, Next()).ConfigureAwait(false);

        // Begun by applicant1 and handed to a colleague of the same company to finish.
        var handed = await flow.DraftAsync(0, "4403", new ApplicationContent
        {
            DataObject = new DataObjectParticulars { DataName = "城市道路视频结构化数据集", IndustryCode = "I65" },
        }, Next()).ConfigureAwait(false);
        await flow.HandOverAsync(handed.Application!.Id, 0, Colleague, Next(), "由赵强完成数据描述后提交。Zhao Qiang completes the description and submits.").ConfigureAwait(false);

        await flow.SubmittedAsync(1, "4400", "药品流通追溯数据集", "F51", Next()).ConfigureAwait(false);

        var formal = await flow.SubmittedAsync(2, "3100", "跨境支付结算数据集", "J66", Next()).ConfigureAwait(false);
        var examiner3100 = await flow.ExaminerAsync("3100").ConfigureAwait(false);
        await flow.AtAsync(Next(), "start an examination", () => flow.Act(formal, examiner3100, new StartExamination())).ConfigureAwait(false);

        var correction = await flow.SubmittedAsync(0, "4403", "城市共享单车骑行数据集", "G54", Next()).ConfigureAwait(false);
        var examiner4403 = await flow.ExaminerAsync("4403").ConfigureAwait(false);
        await flow.AtAsync(Next(), "start an examination", () => flow.Act(correction, examiner4403, new StartExamination())).ConfigureAwait(false);
        await flow.AtAsync(Next(), "request a correction", () => flow.Act(correction, examiner4403, new RequestCorrection(),
            "请补充数据处理规则中脱敏算法的说明。Please describe the desensitisation algorithm in the processing rules.")).ConfigureAwait(false);

        var substantive = await flow.SubmittedAsync(2, "3100", "上市公司舆情数据集", "J67", Next()).ConfigureAwait(false);
        await flow.AtAsync(Next(), "start an examination", () => flow.Act(substantive, examiner3100, new StartExamination())).ConfigureAwait(false);
        await flow.AtAsync(Next(), "pass a formal examination", () => flow.Act(substantive, examiner3100, new PassExamination())).ConfigureAwait(false);

        // Three quarters of its rows are those of another holder's registered dataset: at its
        // notice the examiner sees the overlap and that holder is notified.
        var notice = await flow.SubmittedAsync(1, "4400", "互联网医院问诊数据集", "Q84", Next(), reuses: "深圳市城市交通流量数据集").ConfigureAwait(false);
        await flow.ExamineAndPublishAsync(notice, Next()).ConfigureAwait(false);

        var objected = await flow.SubmittedAsync(0, "4403", "物流园区车辆轨迹数据集", "G54", Next()).ConfigureAwait(false);
        await flow.ExamineAndPublishAsync(objected, Next()).ConfigureAwait(false);
        await flow.ObjectAsync(objected, Next()).ConfigureAwait(false);
    }

    private async Task<ActingParty> PartyAsync(string email)
    {
        var account = await users.FindByEmailAsync(email).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Demo account {email} is missing.");
        return new ActingParty(account.Id, account.Role, account.BodyId, account.DisplayName);
    }
}
