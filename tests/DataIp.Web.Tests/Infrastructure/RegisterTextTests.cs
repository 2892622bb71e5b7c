using DataIp.Web.Infrastructure;

namespace DataIp.Web.Tests.Infrastructure;

/// <summary>The register's text rule, character by character, and which fields are one line.</summary>
public sealed class RegisterTextTests
{
    public static TheoryData<string, bool, string?> Texts => new()
    {
        { "深圳市测试数据科技有限公司", true, null },
        { "tab\there", true, null },
        { "第一行\r\n第二行", false, null },
        { "第一行\n第二行", true, "line break (U+000A) at position 4" },
        { "a\rb", true, "line break (U+000D) at position 2" },
        { "a\0b", false, "control character U+0000 at position 2" },
        { "\u001b[31m", false, "control character U+001B" },
        { "del\u007f", false, "control character U+007F" },
        { "c1\u0085", false, "control character U+0085" },
        { "c1\u009f", false, "control character U+009F" },
        { "\u00a0no-break space", true, null },
        { "😀 and 𠀀", true, null },
        { "lone \ud800 high", false, "lone surrogate U+D800 at position 6" },
        { "lone low \udc00", false, "lone surrogate U+DC00" },
        { "high at the end \ud83d", false, "lone surrogate U+D83D" },
        { "\ufdd0", false, "noncharacter U+FDD0" },
        { "\ufffe", false, "noncharacter U+FFFE" },
        { "\uffff", false, "noncharacter U+FFFF" },
        { "\ud83f\udffe", false, "noncharacter U+1FFFE" },
        { "\udbff\udfff", false, "noncharacter U+10FFFF" },
        { "\ufffd replacement character", true, null },
    };

    [Theory]
    [MemberData(nameof(Texts), DisableDiscoveryEnumeration = true)] // lone surrogates do not survive serialisation into test cases
    public void Problem_EachKindOfCharacter_RefusedOrAcceptedWithThePosition(string text, bool singleLine, string? expected)
    {
        var problem = RegisterText.Problem(text, singleLine);

        if (expected is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("licenseeName", true)]
    [InlineData("name", true)]
    [InlineData("nameEn", true)]
    [InlineData("content.dataObject.dataName", true)]
    [InlineData("contractNumber", true)]
    [InlineData("courtOrderNumber", true)]
    [InlineData("bodyCode", true)]
    [InlineData("licenseeIdentifier", true)]
    [InlineData("objectorContact", true)]
    [InlineData("securedAmount", true)]
    [InlineData("rightsClaimed[1].agreementReference", true)]
    [InlineData("email", true)]
    [InlineData("url", true)]
    [InlineData("reason", false)]
    [InlineData("grounds", false)]
    [InlineData("scope", false)]
    [InlineData("description", false)]
    [InlineData("content.dataObject.productSummary", false)]
    [InlineData("barcode", false)]
    [InlineData("encoding", false)]
    [InlineData("rename", false)]
    public void IsSingleLine_FieldName_NamesNumbersAndCodesAreOneLine(string field, bool singleLine) =>
        Assert.Equal(singleLine, RegisterText.IsSingleLine(field));
}
