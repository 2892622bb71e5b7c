using DataIp.Domain.Numbering;
using DataIp.Domain.Registration;

namespace DataIp.Domain.Tests.Numbering;

public sealed class RegistrationNumberTests
{
    // Expected values from python3: b=body; p=0; for d in b: p=(p+int(d))*2%11; b+"0123456789X"[(12-p)%11]
    [Theory]
    [InlineData(2025, DataSourceType.SelfGenerated, RegistrantType.Enterprise, 1L, "2025110000000016")]
    [InlineData(2025, DataSourceType.Authorised, RegistrantType.Enterprise, 2L, "2025210000000022")]
    [InlineData(2025, DataSourceType.SelfGenerated, RegistrantType.PublicInstitution, 12_345L, "2025120000123453")]
    [InlineData(2025, DataSourceType.Purchased, RegistrantType.NaturalPerson, 123L, "2025340000001231")]
    [InlineData(2025, DataSourceType.PublicDataAuthorisedOperation, RegistrantType.Enterprise, 7L, "202541000000007X")]
    [InlineData(2025, DataSourceType.PublicDataAuthorisedOperation, RegistrantType.Other, 999_999_999L, "2025499999999993")]
    public void Create_2025Example_ProducesNumberWithCheckCharacter(int year, DataSourceType source, RegistrantType type, long sequence, string expected)
    {
        var number = RegistrationNumber.Create(year, source, type, sequence);

        Assert.Equal(expected, number.Value);
        Assert.Equal(expected, number.ToString());
        Assert.Equal(expected[^1], number.CheckCharacter);
        Assert.True(Iso7064Mod11_2.IsValid(expected));
    }

    [Theory]
    [InlineData("2025110000000016", 2025, DataSourceType.SelfGenerated, RegistrantType.Enterprise, 1L)]
    [InlineData("202541000000007X", 2025, DataSourceType.PublicDataAuthorisedOperation, RegistrantType.Enterprise, 7L)]
    [InlineData("2025499999999993", 2025, DataSourceType.PublicDataAuthorisedOperation, RegistrantType.Other, 999_999_999L)]
    public void TryParse_ValidNumber_ReturnsItsParts(string text, int year, DataSourceType source, RegistrantType type, long sequence)
    {
        Assert.True(RegistrationNumber.TryParse(text, out var number, out var error));

        Assert.Null(error);
        Assert.Equal((year, source, type, sequence), (number.Year, number.Source, number.RegistrantType, number.Sequence));
        Assert.Equal(RegistrationNumber.Create(year, source, type, sequence), number);
    }

    [Fact]
    public void TryParse_RandomCreatedNumbers_RoundTrip()
    {
        var random = new Random(16);
        var sources = Enum.GetValues<DataSourceType>();
        var types = Enum.GetValues<RegistrantType>();

        for (var n = 0; n < 500; n++)
        {
            var created = RegistrationNumber.Create(
                random.Next(2000, 3000), sources[random.Next(sources.Length)], types[random.Next(types.Length)], random.NextInt64(1, 1_000_000_000));

            Assert.True(RegistrationNumber.TryParse(created.Value, out var parsed, out _));
            Assert.Equal(created, parsed);
        }
    }

    [Theory]
    [InlineData("2025110000000016")]
    [InlineData("202541000000007X")]
    [InlineData("2025340000001231")]
    public void TryParse_EverySingleCharacterMutation_IsRejected(string valid)
    {
        Assert.All(Mutations.SingleCharacter(valid, "0123456789X"), typo =>
        {
            Assert.False(RegistrationNumber.TryParse(typo, out var value, out var error), typo);
            Assert.NotNull(error);
            Assert.Equal(default, value);
        });
    }

    [Theory]
    [InlineData(null, "The registration number is missing.")]
    [InlineData("", "The registration number is missing.")]
    [InlineData("202511000000001", "A registration number has 16 characters; this one has 15.")]
    [InlineData("20251100000000A6", "The first 15 characters of a registration number must be digits; 'A' at position 15 is not.")]
    [InlineData("202511000000001x", "The check character 'x' (position 16) must be an upper-case 'X'.")]
    [InlineData("2025110000000017", "The check character (position 16) should be '6' but is '7': the number is mistyped.")]
    [InlineData("2025110000000011", "The check character (position 16) should be '6' but is '1': the number is mistyped.")]
    public void TryParse_MalformedText_SaysWhatIsWrong(string? text, string expected)
    {
        Assert.False(RegistrationNumber.TryParse(text, out _, out var error));

        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("199911000000001", "The year 1999 (positions 1–4) must be from 2000 to 2999.")]
    [InlineData("302511000000001", "The year 3025 (positions 1–4) must be from 2000 to 2999.")]
    [InlineData("202551000000001", "'5' at position 5 is not a data-source code (1, 2, 3, 4 or 9).")]
    [InlineData("202501000000001", "'0' at position 5 is not a data-source code (1, 2, 3, 4 or 9).")]
    [InlineData("202518000000001", "'8' at position 6 is not a registrant-type code (1, 2, 3, 4 or 9).")]
    [InlineData("202511000000000", "The sequence (positions 7–15) must not be zero.")]
    public void TryParse_CorrectCheckButBadField_SaysWhichField(string first15, string expected)
    {
        var text = first15 + Iso7064Mod11_2.ComputeCheckCharacter(first15);

        Assert.False(RegistrationNumber.TryParse(text, out _, out var error));

        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(1999, DataSourceType.SelfGenerated, RegistrantType.Enterprise, 1L)]
    [InlineData(3000, DataSourceType.SelfGenerated, RegistrantType.Enterprise, 1L)]
    [InlineData(2025, (DataSourceType)5, RegistrantType.Enterprise, 1L)]
    [InlineData(2025, DataSourceType.SelfGenerated, (RegistrantType)0, 1L)]
    [InlineData(2025, DataSourceType.SelfGenerated, RegistrantType.Enterprise, 0L)]
    [InlineData(2025, DataSourceType.SelfGenerated, RegistrantType.Enterprise, 1_000_000_000L)]
    public void Create_OutOfRange_Throws(int year, DataSourceType source, RegistrantType type, long sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RegistrationNumber.Create(year, source, type, sequence));
    }

    [Fact]
    public void Default_IsNotANumber_HasEmptyValue()
    {
        Assert.Equal(string.Empty, default(RegistrationNumber).Value);
        Assert.Equal(string.Empty, default(RegistrationNumber).ToString());
    }
}
