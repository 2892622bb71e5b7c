using System.Text.Json;
using DataIp.Domain.Registration;

namespace DataIp.Domain.Tests.Registration;

public sealed class ApplicationContentJsonTests
{
    [Fact]
    public void Serialize_ThenDeserialize_GivesTheSameContent()
    {
        var json = ApplicationContentJson.Serialize(SampleContent.ValidSubmission());

        var back = ApplicationContentJson.Deserialize(json);

        Assert.Equal(json, ApplicationContentJson.Serialize(back));
        Assert.Equal("城市交通流量数据集", back.DataObject!.DataName);
        Assert.Equal(new DateOnly(2027, 12, 31), back.RightsClaimed[2].AgreementEndDate);
        Assert.Equal(TimeSpan.FromHours(8), back.Evidence!.Fingerprint!.ComputedAt!.Value.Offset);
    }

    [Fact]
    public void SerializeToUtf8Bytes_ThenDeserialize_GivesTheSameContent()
    {
        var bytes = ApplicationContentJson.SerializeToUtf8Bytes(SampleContent.ValidSubmission());

        var back = ApplicationContentJson.Deserialize(bytes);

        Assert.Equal(bytes, ApplicationContentJson.SerializeToUtf8Bytes(back));
    }

    [Theory]
    [InlineData("\"dataName\":\"城市交通流量数据集\"")]
    [InlineData("\"industryCode\":\"G54\"")]
    [InlineData("\"applicationScenarios\":[\"交通信号配时优化\",\"城市道路规划\"]")]
    [InlineData("\"dataSourceType\":\"authorised\"")]
    [InlineData("\"processingRules\":")]
    [InlineData("\"updateFrequency\":\"daily\"")]
    [InlineData("\"registrantType\":\"publicInstitution\"")]
    [InlineData("\"coApplicants\":[{")]
    [InlineData("\"powerOfAttorneyAttachmentId\":\"6f1c1d2e-0000-4000-8000-000000000003\"")]
    [InlineData("\"hashAlgorithm\":\"sm3\"")]
    [InlineData("\"computedAt\":\"2025-06-10T09:30:00+08:00\"")]
    [InlineData("\"right\":\"processingAndUse\"")]
    [InlineData("\"basis\":\"selfGenerated\"")]
    [InlineData("\"agreementEndDate\":\"2027-12-31\"")]
    [InlineData("\"personalInformation\":\"desensitised\"")]
    public void Serialize_ValidSubmission_UsesCamelCaseNamesAndEnumNames(string fragment)
    {
        var json = ApplicationContentJson.Serialize(SampleContent.ValidSubmission());

        Assert.Contains(fragment, json);
    }

    [Fact]
    public void Serialize_EmptyContent_OmitsAbsentMembers()
    {
        var json = ApplicationContentJson.Serialize(new ApplicationContent());

        Assert.Equal("{\"rightsClaimed\":[]}", json);
    }

    [Fact]
    public void Deserialize_EmptyObject_GivesEmptyDraft()
    {
        var content = ApplicationContentJson.Deserialize("{}");

        Assert.Null(content.Applicant);
        Assert.Empty(content.RightsClaimed);
    }

    [Theory]
    [InlineData("""{"dataObject":{"dataSourceType":"stolen"}}""")]
    [InlineData("""{"dataObject":{"dataSourceType":1}}""")]
    [InlineData("""{"dataObject":{"dataSourceType":"1"}}""")]
    [InlineData("""{"rightsClaimed":[{"right":"ownership"}]}""")]
    [InlineData("""{"evidence":{"fingerprint":{"hashAlgorithm":"md5"}}}""")]
    public void Deserialize_UnknownEnumValue_Throws(string json)
    {
        Assert.Throws<JsonException>(() => ApplicationContentJson.Deserialize(json));
    }

    [Theory]
    [InlineData("""{"dataObject":{"dataname":"x"}}""")]
    [InlineData("""{"applicant":{"phone":"123"}}""")]
    [InlineData("""{"rightsClaimed":null}""")]
    [InlineData("""{"dataObject":{"applicationScenarios":null}}""")]
    [InlineData("null")]
    [InlineData("[]")]
    public void Deserialize_MalformedContent_Throws(string json)
    {
        Assert.Throws<JsonException>(() => ApplicationContentJson.Deserialize(json));
    }

    [Fact]
    public void Options_AreReadOnly()
    {
        Assert.True(ApplicationContentJson.Options.IsReadOnly);
    }
}
