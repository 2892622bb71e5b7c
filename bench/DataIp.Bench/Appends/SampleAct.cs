using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using DataIp.Data;
using DataIp.Data.Acts;
using DataIp.Data.TransparencyLog;

namespace DataIp.Bench.Appends;

/// <summary>
/// Records a typical act, a submission, the way <c>DataIp.Web.Features.Applications.ActRecorder</c>
/// does: public fields and private fields serialised once (<see cref="ActFields"/>) with the same
/// serializer options, the act row with every field in clear, then
/// <see cref="LogAppender.AppendAsync(RegistryDbContext, Act, ActFields, CancellationToken)"/> for
/// the salted digests and the log entry (its index comes when the context saves). The benchmark does not reference the web host (nothing depends on
/// it), so these steps are copied; keep them in step with ActRecorder.
/// </summary>
/// <remarks>
/// A submission before its public notice is the heaviest common act: its particulars and its full
/// content (about 1.3 KB of JSON) are private, so the entry carries six salted digests and the act
/// row their six salts.
/// </remarks>
internal static class SampleAct
{
    private static readonly JsonSerializerOptions PayloadJson = CreatePayloadJson();

    public static async Task<Act> RecordAsync(RegistryDbContext db, long number, CancellationToken ct)
    {
        var (publicValues, privateValues) = Submission(number);
        var fields = new ActFields(PayloadJson);
        foreach (var (name, value) in publicValues)
        {
            fields.AddPublic(name, value!);
        }

        foreach (var (name, value) in privateValues)
        {
            fields.AddPrivate(name, value!);
        }

        var act = new Act
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = Guid.NewGuid(),
            Type = "submit",
            ActorId = Guid.NewGuid(),
            ActorRole = "applicant",
            ActorName = "深圳市数据示例科技有限公司",
            At = DateTimeOffset.UtcNow,
            Payload = fields.Payload(),
        };
        await LogAppender.AppendAsync(db, act, fields, ct);
        return act;
    }

    private static (Dictionary<string, object?> Public, Dictionary<string, object?> Private) Submission(long number)
    {
        var serial = (number % 999_999) + 1;
        var applicationNumber = FormattableString.Invariant($"SQ44002025{serial:D6}");
        var dataName = FormattableString.Invariant($"城市交通出行数据集（第{number}批）");
        var holder = "深圳市数据示例科技有限公司";
        var rights = new[] { "holding", "processing", "operation" };
        var content = new Dictionary<string, object?>
        {
            ["applicant"] = new Dictionary<string, object?>
            {
                ["name"] = holder,
                ["unifiedSocialCreditCode"] = "91440300MA5FXXXX0X",
                ["contact"] = new { name = "张三", phone = "13800138000", email = "zhangsan@example.cn", address = "广东省深圳市南山区科技园示例路1号" },
            },
            ["dataObject"] = new Dictionary<string, object?>
            {
                ["name"] = dataName,
                ["industryCode"] = "I65",
                ["dataSourceType"] = "selfGenerated",
                ["description"] = string.Concat(Enumerable.Repeat("本数据集汇集城市公共交通刷卡、网约车订单与道路传感器数据，经脱敏与聚合处理。", 4)),
                ["recordCount"] = 12_000_000 + number,
                ["updateFrequency"] = "daily",
            },
            ["rightsClaimed"] = rights.Select(r => new { right = r, basis = "数据来源合法，已取得授权" }).ToList(),
            ["submittedNumber"] = number.ToString(CultureInfo.InvariantCulture),
        };
        var publicValues = new Dictionary<string, object?>
        {
            ["applicationNumber"] = applicationNumber,
            ["bodyCode"] = "4400",
            ["fromState"] = "draft",
            ["toState"] = "submitted",
        };
        var privateValues = new Dictionary<string, object?>
        {
            ["dataName"] = dataName,
            ["holder"] = holder,
            ["industryCode"] = "I65",
            ["dataSourceType"] = "selfGenerated",
            ["rights"] = rights,
            ["content"] = content,
        };
        return (publicValues, privateValues);
    }

    // The same options as ActRecorder.PayloadJson.
    private static JsonSerializerOptions CreatePayloadJson()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
