using DataIp.Data;
using DataIp.Data.Acts;
using DataIp.Domain.Acts;
using DataIp.Domain.Registration;

namespace DataIp.Bench.Appends;

/// <summary>
/// Records a typical act, a submission, through the platform's own writer
/// (<see cref="ActWriter"/>: members serialised once, the act row with every member in clear, the
/// salted digests and the log entry, whose index comes when the context saves).
/// </summary>
/// <remarks>
/// A submission before its public notice is the heaviest common act: its particulars and its full
/// content (about 1.3 KB of JSON) are private, so the entry carries five salted digests and the act
/// row their salts.
/// </remarks>
internal static class SampleAct
{
    private static readonly ActActor Applicant = new(Guid.NewGuid(), ActorRoles.Applicant, "深圳市数据示例科技有限公司");

    public static async Task<Act> RecordAsync(RegistryDbContext db, long number, CancellationToken ct)
    {
        var recorded = await ActWriter.AppendAsync(db, Applicant, Submission(number), Guid.NewGuid(), DateTimeOffset.UtcNow, null, noticeStarted: false, ct);
        return recorded.Act;
    }

    private static SubmitAct Submission(long number)
    {
        var serial = (number % 999_999) + 1;
        var dataName = FormattableString.Invariant($"城市交通出行数据集（第{number}批）");
        var content = new ApplicationContent
        {
            Applicant = new ApplicantParticulars
            {
                Name = Applicant.Name,
                RegistrantType = RegistrantType.Enterprise,
                CreditCode = "91440300MA5FXXXX0X",
                Address = "广东省深圳市南山区科技园示例路1号",
                Contact = new ContactDetails { Person = "张三", Phone = "13800138000", Email = "zhangsan@example.cn" },
            },
            DataObject = new DataObjectParticulars
            {
                DataName = dataName,
                IndustryCode = "I65",
                DataSourceType = DataSourceType.SelfGenerated,
                DataSourceDescription = string.Concat(Enumerable.Repeat("本数据集汇集城市公共交通刷卡、网约车订单与道路传感器数据，经脱敏与聚合处理。", 4)),
                Scale = new DataScale { Records = 12_000_000 + number },
                UpdateFrequency = UpdateFrequency.Daily,
            },
            RightsClaimed = [.. Enum.GetValues<DataRight>().Select(r => new RightClaim { Right = r, Basis = RightBasis.SelfGenerated })],
        };
        return new SubmitAct
        {
            ApplicationNumber = FormattableString.Invariant($"SQ44002025{serial:D6}"),
            BodyCode = "4400",
            DataName = dataName,
            FromState = ApplicationState.Draft,
            ToState = ApplicationState.Submitted,
            Holder = Applicant.Name,
            IndustryCode = "I65",
            DataSourceType = DataSourceType.SelfGenerated,
            Content = content,
        };
    }
}
