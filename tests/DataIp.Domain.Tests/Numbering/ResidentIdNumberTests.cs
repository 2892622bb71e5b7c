using DataIp.Domain.Numbering;

namespace DataIp.Domain.Tests.Numbering;

public sealed class ResidentIdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")] // GB 11643-1999 example
    [InlineData("440304199003070018")] // constructed; check character by the python3 one-liner in Iso7064Mod11_2Tests
    [InlineData("310115198501011234")] // constructed likewise
    public void Validate_WellFormedNumber_IsValid(string number)
    {
        Assert.True(ResidentIdNumber.Validate(number).IsValid);
    }

    [Fact]
    public void Validate_EverySingleCharacterMutationOfTheStandardExample_IsRejected()
    {
        Assert.All(
            Mutations.SingleCharacter("11010519491231002X", "0123456789X"),
            typo => Assert.False(ResidentIdNumber.Validate(typo).IsValid, typo));
    }

    [Theory]
    [InlineData(null, "The resident ID number is missing.")]
    [InlineData("", "The resident ID number is missing.")]
    [InlineData("11010519491231002", "A resident ID number has 18 characters; this one has 17.")]
    [InlineData("1101051949123100AX", "The first 17 characters of a resident ID number must be digits; 'A' at position 17 is not.")]
    [InlineData("X10105194912310021", "The first 17 characters of a resident ID number must be digits; 'X' at position 1 is not.")]
    [InlineData("11010519491231002x", "The check character 'x' (position 18) must be an upper-case 'X'.")]
    [InlineData("11010519491231002Y", "The last character must be a digit or 'X'; 'Y' at position 18 is not.")]
    [InlineData("11010519490230002X", "The birth date at positions 7–14, '19490230', is not a real date.")]
    [InlineData("11010519491300002X", "The birth date at positions 7–14, '19491300', is not a real date.")]
    [InlineData("110105194912310021", "The check character (position 18) should be 'X' but is '1': the number is mistyped.")]
    public void Validate_Invalid_SaysWhatIsWrong(string? number, string error)
    {
        Assert.Equal(error, ResidentIdNumber.Validate(number).Error);
    }
}
