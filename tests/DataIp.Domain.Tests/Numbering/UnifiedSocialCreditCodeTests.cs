using System.Numerics;
using DataIp.Domain.Numbering;

namespace DataIp.Domain.Tests.Numbering;

public sealed class UnifiedSocialCreditCodeTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // Real published codes (from the task brief). Their check characters were recomputed with
    // python3: A=ALPHABET; t=sum(A.index(c)*pow(3,i,31) for i,c in enumerate(s[:17])); A[(31-t%31)%31]
    public static TheoryData<string> PublishedCodes => ["91350100M000100Y43", "91110000600037341L"];

    [Theory]
    [MemberData(nameof(PublishedCodes))]
    public void Validate_PublishedCode_IsValid(string code)
    {
        Assert.Equal(CodeCheck.Valid, UnifiedSocialCreditCode.Validate(code));
        Assert.Equal(code[^1], UnifiedSocialCreditCode.ComputeCheckCharacter(code[..17]));
    }

    [Theory]
    [MemberData(nameof(PublishedCodes))]
    public void Validate_EverySingleCharacterMutation_IsRejected(string code)
    {
        Assert.All(Mutations.SingleCharacter(code, Alphabet), typo => Assert.False(UnifiedSocialCreditCode.Validate(typo).IsValid, typo));
    }

    [Fact]
    public void ComputeCheckCharacter_RandomCodes_MatchesNaiveReference()
    {
        // GB 32100-2015: weight of position i is 3^i mod 31; check = 31 − (Σ mod 31), 31 → 0.
        var random = new Random(32100);

        for (var n = 0; n < 1000; n++)
        {
            var first17 = string.Concat(Enumerable.Range(0, 17).Select(_ => Alphabet[random.Next(31)]));
            var sum = first17.Select((c, i) => Alphabet.IndexOf(c) * Pow3Mod31(i)).Sum();
            var check = 31 - (sum % 31);

            Assert.Equal(Alphabet[check == 31 ? 0 : check], UnifiedSocialCreditCode.ComputeCheckCharacter(first17));
        }
    }

    [Theory]
    [InlineData(null, "The unified social credit code is missing.")]
    [InlineData("", "The unified social credit code is missing.")]
    [InlineData("91350100M000100Y4", "A unified social credit code has 18 characters; this one has 17.")]
    [InlineData("91350100M000100Y433", "A unified social credit code has 18 characters; this one has 19.")]
    [InlineData("91350100I000100Y43", "'I' at position 9 is not allowed: a unified social credit code uses only digits and the upper-case letters except I, O, S, V and Z.")]
    [InlineData("91350100M000100Y4-", "'-' at position 18 is not allowed: a unified social credit code uses only digits and the upper-case letters except I, O, S, V and Z.")]
    [InlineData("91350100m000100Y43", "Letters must be upper case: 'm' at position 9 should be 'M'.")]
    [InlineData("91350100M000100Y44", "The check character (position 18) should be '3' but is '4': the code is mistyped.")]
    [InlineData("91110000600037341X", "The check character (position 18) should be 'L' but is 'X': the code is mistyped.")]
    public void Validate_Invalid_SaysWhatIsWrong(string? code, string error)
    {
        var check = UnifiedSocialCreditCode.Validate(code);

        Assert.False(check.IsValid);
        Assert.Equal(error, check.Error);
    }

    [Theory]
    [InlineData("91350100M000100Y")]
    [InlineData("91350100M000100Y43")]
    [InlineData("91350100O000100Y4")]
    public void ComputeCheckCharacter_WrongLengthOrCharacter_Throws(string first17)
    {
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.ComputeCheckCharacter(first17));
    }

    private static int Pow3Mod31(int exponent) => (int)BigInteger.ModPow(3, exponent, 31);
}
