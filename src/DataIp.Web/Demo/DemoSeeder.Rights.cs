using DataIp.Web.Features.Examination;
using DataIp.Web.Features.Rights;
using DataIp.Web.Features.Rights.Licences;
using DataIp.Web.Features.Rights.Pledges;
using DataIp.Web.Features.Rights.Transfers;

namespace DataIp.Web.Demo;

/// <summary>
/// The demo's register of rights (docs/rights.md): on the registrations, each kind of act after
/// registration, through the act pipeline (<see cref="Features.Acts.ActPipeline"/>) as the API
/// calls them, on the days of <see cref="DemoTimeline"/> (from about eight months ago to about ten
/// days ago).
/// </summary>
internal sealed partial class DemoSeeder
{
    /// <summary>The registrations the rights acts touch.</summary>
    /// <param name="Renewed">深圳市公交客流数据集: registered about 34 months ago; renewed in its renewal window.</param>
    /// <param name="Licensed">深圳市城市交通流量数据集: two licences and a pledge to the demo bank.</param>
    /// <param name="Transferred">广东省医疗健康诊疗数据集: its certificate re-issued, then transferred to applicant 4.</param>
    /// <param name="Revoked">上海金融市场交易行情数据集: revoked by an examiner.</param>
    private sealed record DemoRegistrations(Guid Renewed, Guid Licensed, Guid Transferred, Guid Revoked);

    /// <summary>The licensee of the exclusive licence, named in the bank's consent to it.</summary>
    private const string ExclusiveLicensee = "深圳市城市规划设计研究院有限公司";

    private async Task SeedRightsAsync(DemoFlow flow, DemoTimeline timeline, DemoRegistrations registrations)
    {
        // In time order (the days of DemoTimeline).
        await ReissueAsync(flow, timeline, registrations.Transferred).ConfigureAwait(false);
        await LicencesAndPledgeAsync(flow, timeline, registrations.Licensed).ConfigureAwait(false);
        await TransferAsync(flow, timeline, registrations.Transferred).ConfigureAwait(false);
        await RevokeAsync(flow, timeline, registrations.Revoked).ConfigureAwait(false);
        await RenewAsync(flow, timeline, registrations.Renewed).ConfigureAwait(false);
    }

    private static async Task ReissueAsync(DemoFlow flow, DemoTimeline timeline, Guid id)
    {
        var examiner = await flow.ExaminerAsync("4400").ConfigureAwait(false);
        await flow.AtAsync(DemoTimeline.At(timeline.Reissue), "re-issue a certificate", () => flow.Act(id, examiner, new ReissueCertificate(),
            "持有人报告纸质证书遗失，补发证书。The holder reported the printed certificate lost; the certificate is re-issued.")).ConfigureAwait(false);
    }

    /// <summary>
    /// A non-exclusive licence; a pledge to the demo bank, filed by the holder and confirmed by the
    /// bank; the bank's consent to an exclusive licence of another right (needed while the pledge is
    /// in force); and that exclusive licence. The two licences are of different rights, so both are
    /// lawful (LicenceRules). Terms run for two years at most, within the registration's validity.
    /// </summary>
    private async Task LicencesAndPledgeAsync(DemoFlow flow, DemoTimeline timeline, Guid id)
    {
        var (number, validUntil) = await RegistrationAsync(id, flow.Cancellation).ConfigureAwait(false);
        DateOnly TwoYearsFrom(DateOnly start) => Min(start.AddYears(2).AddDays(-1), validUntil);
        var holder = await flow.ApplicantAsync(0).ConfigureAwait(false);
        var bank = await flow.PartyAsync(BankEmail).ConfigureAwait(false);
        await flow.AtAsync(DemoTimeline.At(timeline.Licence), "record a licence", () => flow.OnRegistration(number, holder, new RecordLicence(new LicenceRequest(
            "深圳市智慧出行服务有限公司", WithCheck("91440300MA5G1001"), null, LicenceKind.NonExclusive, [DataRight.ProcessingAndUse],
            "用于出行导航与拥堵预测模型的训练和加工使用。Processing and use to train navigation and congestion-forecast models.",
            "中国大陆 Mainland China", timeline.Licence, TwoYearsFrom(timeline.Licence), false)))).ConfigureAwait(false);

        var pledged = timeline.PledgeConfirmed;
        var pledge = new PledgeRequest(bank.AccountId, $"DBC-SZ-{pledged.Year}-ZY-0001", "5000000.00", "CNY", pledged, TwoYearsFrom(pledged),
            [DataRight.Holding, DataRight.ProcessingAndUse, DataRight.ProductOperation]);
        await flow.AtAsync(DemoTimeline.At(timeline.PledgeFiled), "file a pledge", () => flow.OnRegistration(number, holder, new FilePledge(pledge))).ConfigureAwait(false);
        var pledgeNumber = await Database.Pledges.Where(p => p.ApplicationId == id).Select(p => p.Number).SingleAsync(flow.Cancellation).ConfigureAwait(false);
        await flow.AtAsync(DemoTimeline.At(pledged), "confirm a pledge", () => flow.OnRegistration(number, bank, new ConfirmPledge(pledgeNumber))).ConfigureAwait(false);
        await flow.AtAsync(DemoTimeline.At(timeline.Consent), "consent to an exclusive licence", () => flow.OnRegistration(number, bank,
            new ConsentToAct(pledgeNumber, new ConsentRequest(ConsentPurpose.ExclusiveLicence, ExclusiveLicensee)))).ConfigureAwait(false);

        // Its term begins on the first day of the next month.
        var recorded = timeline.ExclusiveLicence;
        var starts = new DateOnly(recorded.Year, recorded.Month, 1).AddMonths(1);
        await flow.AtAsync(DemoTimeline.At(recorded), "record an exclusive licence", () => flow.OnRegistration(number, holder, new RecordLicence(new LicenceRequest(
            ExclusiveLicensee, WithCheck("91440300MA5G1002"), null, LicenceKind.Exclusive, [DataRight.ProductOperation],
            "独家经营基于本数据集的城市交通指数数据产品。Exclusive operation of urban traffic index products built on the dataset.",
            "中国大陆 Mainland China", starts, TwoYearsFrom(starts), true)))).ConfigureAwait(false);
    }

    /// <summary>The holder offers the whole registration to applicant 4, which accepts; a new certificate names it.</summary>
    private async Task TransferAsync(DemoFlow flow, DemoTimeline timeline, Guid id)
    {
        var (number, _) = await RegistrationAsync(id, flow.Cancellation).ConfigureAwait(false);
        var holder = await flow.ApplicantAsync(1).ConfigureAwait(false);
        var transferee = await flow.ApplicantAsync(3).ConfigureAwait(false);
        var contract = $"数据资产转让合同 GDDA-{timeline.TransferProposed.Year}-017 Data asset transfer contract GDDA-{timeline.TransferProposed.Year}-017";
        await flow.AtAsync(DemoTimeline.At(timeline.TransferProposed), "offer a transfer", () => flow.OnRegistration(number, holder,
            new ProposeTransfer(new TransferRequest(transferee.AccountId, null, contract)), contract)).ConfigureAwait(false);
        var transferNumber = await Database.Transfers.Where(t => t.ApplicationId == id).Select(t => t.Number).SingleAsync(flow.Cancellation).ConfigureAwait(false);
        await flow.AtAsync(DemoTimeline.At(timeline.TransferAccepted), "accept a transfer",
            () => flow.OnRegistration(number, transferee, new AcceptTransfer(transferNumber))).ConfigureAwait(false);
    }

    private static async Task RevokeAsync(DemoFlow flow, DemoTimeline timeline, Guid id)
    {
        var examiner = await flow.ExaminerAsync("3100").ConfigureAwait(false);
        await flow.AtAsync(DemoTimeline.At(timeline.Revocation), "revoke a registration", () => flow.Act(id, examiner, new Revoke(),
            "经复查，申请时提交的数据来源授权文件与原件不符，依法撤销登记。On review, the data source authorisation filed with the application does not match the original; the registration is revoked.")).ConfigureAwait(false);
    }

    /// <summary>
    /// Renews the registration of about 34 months ago within its renewal window (the last 90 days
    /// of its three years of validity; DemoTimeline.RenewedSubmitted says why the window is open):
    /// validity then runs three years more.
    /// </summary>
    /// <remarks>
    /// A registration of about a year ago is valid for two years more, so its window is still ahead.
    /// Nor can a registration whose validity is cut short by the end of the agreement its rights
    /// rest on (Domain.Registration.Validity) be renewed: renewal never runs past that agreement's end,
    /// so it is refused ("Cannot extend"). Hence a registration of almost three years ago.
    /// </remarks>
    private async Task RenewAsync(DemoFlow flow, DemoTimeline timeline, Guid id)
    {
        var (number, _) = await RegistrationAsync(id, flow.Cancellation).ConfigureAwait(false);
        var holder = await flow.ApplicantAsync(0).ConfigureAwait(false);
        await flow.AtAsync(DemoTimeline.At(timeline.Renewal), "renew a registration", () => flow.OnRegistration(number, holder, new Renew())).ConfigureAwait(false);
    }

    private async Task<(string Number, DateOnly ValidUntil)> RegistrationAsync(Guid id, CancellationToken ct)
    {
        var registration = await Database.Applications.Where(a => a.Id == id).Select(a => new { a.RegistrationNumber, a.ValidUntil }).SingleAsync(ct).ConfigureAwait(false);
        return registration is { RegistrationNumber: { } number, ValidUntil: { } validUntil }
            ? (number, validUntil)
            : throw new InvalidOperationException($"Demo: application {id} was not registered.");
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
