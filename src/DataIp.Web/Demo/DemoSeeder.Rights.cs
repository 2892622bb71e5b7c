using DataIp.Domain.Registration;
using DataIp.Domain.Rights;
using DataIp.Web.Features.Applications;
using DataIp.Web.Features.Rights;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Web.Demo;

/// <summary>
/// The demo's register of rights (docs/rights.md): on the registrations, each kind of act after
/// registration, through <see cref="RightsService"/> and <see cref="LifecycleService"/> as the API
/// calls them, dated in time order between the 2025 histories and today.
/// </summary>
internal sealed partial class DemoSeeder
{
    /// <summary>The registrations the rights acts touch.</summary>
    /// <param name="Renewed">Registered in January 2024; renewed in its renewal window.</param>
    /// <param name="Licensed">深圳市城市交通流量数据集: two licences and a pledge to the demo bank.</param>
    /// <param name="Transferred">广东省医疗健康诊疗数据集: its certificate re-issued, then transferred to applicant 4.</param>
    /// <param name="Revoked">上海金融市场交易行情数据集: revoked by an examiner.</param>
    private sealed record DemoRegistrations(Guid Renewed, Guid Licensed, Guid Transferred, Guid Revoked);

    /// <summary>The licensee of the exclusive licence, named in the bank's consent to it.</summary>
    private const string ExclusiveLicensee = "深圳市城市规划设计研究院有限公司";

    private async Task SeedRightsAsync(DemoFlow flow, DemoRegistrations registrations)
    {
        // In time order; each step returns false when its acts lie after the demo's history ends.
        var done = await ReissueAsync(flow, registrations.Transferred).ConfigureAwait(false)
            && await LicencesAndPledgeAsync(flow, registrations.Licensed).ConfigureAwait(false)
            && await TransferAsync(flow, registrations.Transferred).ConfigureAwait(false)
            && await RevokeAsync(flow, registrations.Revoked).ConfigureAwait(false)
            && await RenewAsync(flow, registrations.Renewed).ConfigureAwait(false);
        if (!done)
        {
            Logger.LogWarning("Demo: the register of rights was seeded only in part: the clock is earlier than its history.");
        }
    }

    private static async Task<bool> ReissueAsync(DemoFlow flow, Guid id)
    {
        var examiner = await flow.ExaminerAsync("4400").ConfigureAwait(false);
        return await flow.AtAsync(At(2025, 12, 22), () => flow.Lifecycle.ReissueCertificateAsync(id, examiner,
            "持有人报告纸质证书遗失，补发证书。The holder reported the printed certificate lost; the certificate is re-issued.", flow.Cancellation)).ConfigureAwait(false);
    }

    /// <summary>
    /// A non-exclusive licence; a pledge to the demo bank, filed by the holder and confirmed by the
    /// bank; the bank's consent to an exclusive licence of another right (needed while the pledge is
    /// in force); and that exclusive licence. The two licences are of different rights, so both are
    /// lawful (LicenceRules).
    /// </summary>
    private async Task<bool> LicencesAndPledgeAsync(DemoFlow flow, Guid id)
    {
        var number = await RegistrationNumberAsync(id, flow.Cancellation).ConfigureAwait(false);
        var holder = await flow.ApplicantAsync(0).ConfigureAwait(false);
        var bank = await flow.PartyAsync(BankEmail).ConfigureAwait(false);
        if (!await flow.AtAsync(At(2026, 1, 5), () => flow.Rights.RecordLicenceAsync(number, holder, new LicenceRequest(
                "深圳市智慧出行服务有限公司", WithCheck("91440300MA5G1001"), null, LicenceKind.NonExclusive, [DataRight.ProcessingAndUse],
                "用于出行导航与拥堵预测模型的训练和加工使用。Processing and use to train navigation and congestion-forecast models.",
                "中国大陆 Mainland China", new DateOnly(2026, 1, 5), new DateOnly(2027, 12, 31), false), flow.Cancellation)).ConfigureAwait(false))
        {
            return false;
        }

        var pledge = new PledgeRequest(bank.AccountId, "DBC-SZ-2026-ZY-0001", "5000000.00", "CNY", new DateOnly(2026, 1, 15), new DateOnly(2028, 1, 14),
            [DataRight.Holding, DataRight.ProcessingAndUse, DataRight.ProductOperation]);
        if (!await flow.AtAsync(At(2026, 1, 12), () => flow.Rights.FilePledgeAsync(number, holder, pledge, flow.Cancellation)).ConfigureAwait(false))
        {
            return false;
        }

        var pledgeNumber = await Database.Pledges.Where(p => p.ApplicationId == id).Select(p => p.Number).SingleAsync(flow.Cancellation).ConfigureAwait(false);
        return await flow.AtAsync(At(2026, 1, 15), () => flow.Rights.ConfirmPledgeAsync(number, pledgeNumber, bank, flow.Cancellation)).ConfigureAwait(false)
            && await flow.AtAsync(At(2026, 2, 2), () => flow.Rights.ConsentAsync(number, pledgeNumber, bank,
                new ConsentRequest(ConsentPurpose.ExclusiveLicence, ExclusiveLicensee), flow.Cancellation)).ConfigureAwait(false)
            && await flow.AtAsync(At(2026, 2, 3), () => flow.Rights.RecordLicenceAsync(number, holder, new LicenceRequest(
                ExclusiveLicensee, WithCheck("91440300MA5G1002"), null, LicenceKind.Exclusive, [DataRight.ProductOperation],
                "独家经营基于本数据集的城市交通指数数据产品。Exclusive operation of urban traffic index products built on the dataset.",
                "中国大陆 Mainland China", new DateOnly(2026, 3, 1), new DateOnly(2028, 2, 29), true), flow.Cancellation)).ConfigureAwait(false);
    }

    /// <summary>The holder offers the whole registration to applicant 4, which accepts; a new certificate names it.</summary>
    private async Task<bool> TransferAsync(DemoFlow flow, Guid id)
    {
        var number = await RegistrationNumberAsync(id, flow.Cancellation).ConfigureAwait(false);
        var holder = await flow.ApplicantAsync(1).ConfigureAwait(false);
        var transferee = await flow.ApplicantAsync(3).ConfigureAwait(false);
        if (!await flow.AtAsync(At(2026, 3, 2), () => flow.Rights.ProposeTransferAsync(number, holder,
                new TransferRequest(transferee.AccountId, null, "数据资产转让合同 GDDA-2026-017 Data asset transfer contract GDDA-2026-017"), flow.Cancellation)).ConfigureAwait(false))
        {
            return false;
        }

        var transferNumber = await Database.Transfers.Where(t => t.ApplicationId == id).Select(t => t.Number).SingleAsync(flow.Cancellation).ConfigureAwait(false);
        return await flow.AtAsync(At(2026, 3, 9), () => flow.Rights.AcceptTransferAsync(number, transferNumber, transferee, flow.Cancellation)).ConfigureAwait(false);
    }

    private static async Task<bool> RevokeAsync(DemoFlow flow, Guid id)
    {
        var examiner = await flow.ExaminerAsync("3100").ConfigureAwait(false);
        return await flow.AtAsync(At(2026, 6, 15), () => flow.Lifecycle.RevokeAsync(id, examiner,
            "经复查，申请时提交的数据来源授权文件与原件不符，依法撤销登记。On review, the data source authorisation filed with the application does not match the original; the registration is revoked.",
            flow.Cancellation)).ConfigureAwait(false);
    }

    /// <summary>
    /// Renews the January 2024 registration on 2 November 2026, within its renewal window (the last
    /// 90 days of validity, 20 October 2026 to 17 January 2027): validity then runs to 17 January 2030.
    /// </summary>
    /// <remarks>
    /// A registration of 2025 is valid until 2028, so its window opens only in 2028, after today.
    /// Nor can a 2025 registration whose validity is cut short by the end of the agreement its rights
    /// rest on (LifecycleService.ValidUntil) be renewed: renewal never runs past that agreement's end,
    /// so it is refused ("Cannot extend"). Hence a registration of January 2024, whose three years
    /// end in January 2027.
    /// </remarks>
    private async Task<bool> RenewAsync(DemoFlow flow, Guid id)
    {
        var number = await RegistrationNumberAsync(id, flow.Cancellation).ConfigureAwait(false);
        var holder = await flow.ApplicantAsync(0).ConfigureAwait(false);
        return await flow.AtAsync(At(2026, 11, 2), () => flow.Rights.RenewAsync(number, holder, flow.Cancellation)).ConfigureAwait(false);
    }

    private async Task<string> RegistrationNumberAsync(Guid id, CancellationToken ct) =>
        await Database.Applications.Where(a => a.Id == id).Select(a => a.RegistrationNumber).SingleAsync(ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Demo: application {id} was not registered.");
}
