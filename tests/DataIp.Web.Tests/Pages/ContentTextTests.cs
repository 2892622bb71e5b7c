using DataIp.Domain.Numbering;
using DataIp.Domain.Registration;
using DataIp.Web.Features.Acts;
using DataIp.Web.Pages;
using DataIp.Web.Pages.Drafts;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The content validator's problems cannot drift from their words: every <see cref="ContentProblemCode"/>
/// and every <see cref="CodeCheckCode"/> has its sentence in both resource files with the same
/// placeholders and an English sentence in the domain; worded for a page, the Chinese holds no
/// English sentence and the English no Chinese; the API keeps the domain's English.
/// </summary>
public sealed partial class ContentTextTests
{
    private static readonly DateOnly Today = new(2026, 3, 5);

    [Fact]
    public void EveryProblemCode_InBothLanguages_SamePlaceholders()
    {
        var chinese = Text.All(Text.Chinese);
        var english = Text.All(Text.English);
        var keys = Enum.GetValues<ContentProblemCode>().Select(ContentText.Key)
            .Concat(Enum.GetValues<CodeCheckCode>().Select(c => ContentText.Key(c)))
            .Append(ContentText.Key((CodeCheckCode?)null))
            .ToList();

        var missing = keys.Where(k => !chinese.ContainsKey(k) || !english.ContainsKey(k));
        var differing = keys.Where(k => chinese.ContainsKey(k) && english.ContainsKey(k) && !ResourceSentences.Placeholders(chinese[k]).SetEquals(ResourceSentences.Placeholders(english[k])));
        var orphans = chinese.Keys.Where(k => k.StartsWith("Content.", StringComparison.Ordinal) && !keys.Contains(k));

        Assert.True(keys.Count > 55, $"only {keys.Count} keys");
        Assert.Empty(missing);
        Assert.Empty(differing);
        Assert.Empty(orphans);
    }

    // The identifier checks' English on the pages is the domain's, as the guards' is.
    [Fact]
    public void IdentifierChecks_EnglishIsTheDomainsSentence()
    {
        Assert.All(Enum.GetValues<CodeCheckCode>(), code =>
            Assert.Equal(CodeCheck.Template(code), Text.Get(ContentText.Key(code), Text.English)));
    }

    [Fact]
    public void EveryProblemCode_WordedInEachLanguage_ApiKeepsTheDomainsEnglish()
    {
        Assert.All(Enum.GetValues<ContentProblemCode>(), code =>
        {
            var problem = Sample(code);
            var chinese = ResourceSentences.InCulture(Text.Chinese, () => ContentText.Sentence(problem));
            var english = ResourceSentences.InCulture(Text.English, () => ContentText.Sentence(problem));
            var message = RefusalMessage.Content(problem);

            Assert.False(string.IsNullOrWhiteSpace(problem.English), code.ToString());
            Assert.Equal(problem.English, RefusalText.ForApi(message));
            Assert.Equal(chinese, ResourceSentences.InCulture(Text.Chinese, () => RefusalText.ForPage(message)));
            Assert.True(Labels.HasChinese(chinese), chinese);
            Assert.DoesNotContain(problem.English, chinese, StringComparison.Ordinal);
            Assert.DoesNotMatch(ResourceSentences.EnglishSentence(), chinese);
            Assert.DoesNotContain("2026-03-05", chinese, StringComparison.Ordinal);
            Assert.False(Labels.HasChinese(english), english);
            Assert.DoesNotContain("{", chinese + english, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void EveryIdentifierCheck_WordedInChinese()
    {
        var checks = Enum.GetValues<CodeCheckCode>().Select(c => CodeCheck.Invalid(c, [.. Enumerable.Range(0, ResourceSentences.Placeholders(CodeCheck.Template(c)).Count).Select(i => (object)(i == 1 ? 5 : 'q'))]));

        Assert.All(checks, check =>
        {
            var chinese = ResourceSentences.InCulture(Text.Chinese, () => ContentText.Identifier(check));
            Assert.True(Labels.HasChinese(chinese), chinese);
            Assert.DoesNotMatch(ResourceSentences.EnglishSentence(), chinese);
        });
    }

    [Fact]
    public void Sentence_FactsInThePagesCulture()
    {
        var ended = new ContentProblem("rightsClaimed[0].agreementEndDate", ContentProblemCode.AgreementEnded, [Today, Today.AddDays(-3)]);
        var credit = new ContentProblem("applicant.creditCode", ContentProblemCode.IdentifierInvalid,
            [UnifiedSocialCreditCode.Validate("91350100M000100Y44")]);

        var chinese = ResourceSentences.InCulture(Text.Chinese, () => ContentText.Sentence(ended));
        var english = ResourceSentences.InCulture(Text.English, () => ContentText.Sentence(ended));
        var creditChinese = ResourceSentences.InCulture(Text.Chinese, () => ContentText.Sentence(credit));

        Assert.Equal("协议终止日期应晚于今天（2026年3月5日）：于 2026年3月2日 终止的协议不能支持所申请的权利。", chinese);
        Assert.Equal("The agreement's last day must be after today (5 March 2026): an agreement that ended on 2 March 2026 supports no right.", english);
        Assert.Equal("统一社会信用代码不符合要求：第 18 位校验码应为“3”，现为“4”：代码有误，请核对。", creditChinese);
        Assert.Equal("agreementEndDate must be after today (2026-03-05); an agreement that ended on 2026-03-02 supports no right.", ended.English);
    }

    // A problem of each code with facts of the kinds the validator gives it.
    private static ContentProblem Sample(ContentProblemCode code) => code switch
    {
        ContentProblemCode.TooLong => new("dataObject.dataName", code, [200, 250]),
        ContentProblemCode.LengthOutOfRange => new("dataObject.dataName", code, [2, 200, 1]),
        ContentProblemCode.UndefinedValue => new("applicant.registrantType", code, [7L, "enterprise, other"]),
        ContentProblemCode.IdentifierInvalid => new("applicant.creditCode", code, [CodeCheck.Invalid(CodeCheckCode.CreditCodeCheckCharacter, 'Q', '1')]),
        ContentProblemCode.TooMany => new("dataObject.applicationScenarios", code, [20, 21]),
        ContentProblemCode.TooFew => new("dataObject.applicationScenarios", code, [1]),
        ContentProblemCode.AttachmentRepeated => new("dataObject.sampleAttachmentIds[1]", code, [Guid.NewGuid()]),
        ContentProblemCode.RegionCodeInvalid => new("applicant.regionCode", code, ["990000"]),
        ContentProblemCode.PartyRepeated => new("applicant.coApplicants[0].creditCode", code, ["91350100M000100Y43", "applicant"]),
        ContentProblemCode.IndustryCodeShape => new("dataObject.industryCode", code, ["65"]),
        ContentProblemCode.IndustryDivisionUnknown => new("dataObject.industryCode", code, ["98"]),
        ContentProblemCode.IndustrySectionMismatch => new("dataObject.industryCode", code, ["I54", "54", 'G', "53–60", 'I']),
        ContentProblemCode.SourceProofRequired => new("dataObject.sourceProofAttachmentIds", code, [DataSourceType.Purchased]),
        ContentProblemCode.NotPositive => new("dataObject.scale.records", code, [0L]),
        ContentProblemCode.RootWrongLength => new("evidence.fingerprint.root", code, [6]),
        ContentProblemCode.SizeNotPositive => new("evidence.fingerprint.size", code, [0L]),
        ContentProblemCode.ComputedInFuture => new("evidence.fingerprint.computedAt", code, [Today.AddDays(2), Today]),
        ContentProblemCode.ManifestFormat => new("evidence.fingerprint.format", code, ["dataip-fingerprint", "other"]),
        ContentProblemCode.ManifestVersion => new("evidence.fingerprint.version", code, [2, 1]),
        ContentProblemCode.Negative => new("evidence.fingerprint.leafCount", code, [-1L]),
        ContentProblemCode.ModeSectionPresent => new("evidence.fingerprint.rows", code, ["files"]),
        ContentProblemCode.ChunkSize => new("evidence.fingerprint.files.chunkSize", code, [4096, 67108864, 1000]),
        ContentProblemCode.Delimiter => new("evidence.fingerprint.rows.delimiter", code, [";;"]),
        ContentProblemCode.SketchAlgorithm => new("evidence.fingerprint.sketch.algorithm", code, ["minhash-splitmix64", "other"]),
        ContentProblemCode.SketchSize => new("evidence.fingerprint.sketch.k", code, [128, 64]),
        ContentProblemCode.SketchFeatures => new("evidence.fingerprint.sketch.features", code, ["rows", "content-chunks"]),
        ContentProblemCode.SketchValues => new("evidence.fingerprint.sketch.values", code, [128, 1024]),
        ContentProblemCode.IdNumberForOrganisation => new("applicant.idNumber", code, [RegistrantType.Enterprise]),
        ContentProblemCode.RightRepeated => new("rightsClaimed[1].right", code, [DataRight.Holding, 0]),
        ContentProblemCode.AgreementEnded => new("rightsClaimed[0].agreementEndDate", code, [Today, Today.AddDays(-1)]),
        ContentProblemCode.AgreementReferenceRequired => new("rightsClaimed[0].agreementReference", code, [RightBasis.Authorised]),
        _ => new(Path(code), code, []),
    };

    private static string Path(ContentProblemCode code) => code switch
    {
        ContentProblemCode.PhoneShape or ContentProblemCode.PhoneOrEmailRequired => "applicant.contact.phone",
        ContentProblemCode.EmailShape => "applicant.contact.email",
        ContentProblemCode.EntryNull => "applicant.coApplicants[0]",
        ContentProblemCode.AttachmentIdEmpty => "dataObject.sampleAttachmentIds[0]",
        ContentProblemCode.PowerOfAttorneyIdEmpty => "applicant.agent.powerOfAttorneyAttachmentId",
        ContentProblemCode.ScenarioBlank => "dataObject.applicationScenarios[1]",
        ContentProblemCode.PersonalInformationContains => "declarations.personalInformation",
        ContentProblemCode.LawfulSourceNotDeclared => "declarations.lawfulSource",
        ContentProblemCode.AuthenticityNotDeclared => "declarations.authenticity",
        ContentProblemCode.EvidenceMissing => "evidence",
        ContentProblemCode.RootNotHex => "evidence.fingerprint.root",
        ContentProblemCode.CreditCodeForPerson or ContentProblemCode.CreditCodeOrIdNumberRequired => "applicant.creditCode",
        ContentProblemCode.AgreementNotApplicable => "rightsClaimed[0].agreementReference",
        _ => "dataObject.dataName",
    };
}
