using DataIp.Domain.Registration;

namespace DataIp.Domain.Tests.Registration;

public sealed class IndustryClassificationTests
{
    // Section boundaries from the GB/T 4754-2017 table of sections.
    [Theory]
    [InlineData(1, 'A'), InlineData(5, 'A'), InlineData(6, 'B'), InlineData(12, 'B'), InlineData(13, 'C')]
    [InlineData(43, 'C'), InlineData(44, 'D'), InlineData(46, 'D'), InlineData(47, 'E'), InlineData(50, 'E')]
    [InlineData(51, 'F'), InlineData(52, 'F'), InlineData(53, 'G'), InlineData(60, 'G'), InlineData(61, 'H')]
    [InlineData(62, 'H'), InlineData(63, 'I'), InlineData(65, 'I'), InlineData(66, 'J'), InlineData(69, 'J')]
    [InlineData(70, 'K'), InlineData(71, 'L'), InlineData(72, 'L'), InlineData(73, 'M'), InlineData(75, 'M')]
    [InlineData(76, 'N'), InlineData(79, 'N'), InlineData(80, 'O'), InlineData(82, 'O'), InlineData(83, 'P')]
    [InlineData(84, 'Q'), InlineData(85, 'Q'), InlineData(86, 'R'), InlineData(90, 'R'), InlineData(91, 'S')]
    [InlineData(96, 'S'), InlineData(97, 'T')]
    public void SectionOf_BoundaryDivision_GivesItsSection(int division, char section)
    {
        Assert.Equal(section, IndustryClassification.SectionOf(division));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(98)]
    [InlineData(-1)]
    public void SectionOf_NoSuchDivision_IsNull(int division)
    {
        Assert.Null(IndustryClassification.SectionOf(division));
    }

    [Fact]
    public void SectionOf_AllDivisions_CoverTwentySectionsInOrder()
    {
        var sections = Enumerable.Range(IndustryClassification.FirstDivision, IndustryClassification.LastDivision)
            .Select(d => IndustryClassification.SectionOf(d)!.Value)
            .ToList();

        Assert.Equal("ABCDEFGHIJKLMNOPQRST", string.Concat(sections.Distinct()));
        Assert.Equal(sections.Order(), sections);
    }

    [Theory]
    [InlineData("A01", true)]
    [InlineData("I65", true)]
    [InlineData("T97", true)]
    [InlineData("I66", false)]
    [InlineData("J65", false)]
    [InlineData("i65", false)]
    [InlineData("65", false)]
    [InlineData("I065", false)]
    [InlineData("I00", false)]
    [InlineData("U98", false)]
    [InlineData("I6５", false)]
    public void IsValid_Code_MatchesTable(string code, bool valid)
    {
        Assert.Equal(valid, IndustryClassification.IsValid(code));
    }

    [Theory]
    [InlineData("I66", "industryCode I66 is inconsistent: division 66 belongs to section J (66–69), not I.")]
    [InlineData("K97", "industryCode K97 is inconsistent: division 97 belongs to section T (97), not K.")]
    [InlineData("T98", "industryCode division 98 does not exist; GB/T 4754-2017 divisions run 01–97.")]
    [InlineData("65", "industryCode must be a GB/T 4754-2017 section letter and two-digit division, such as I65; it is \"65\".")]
    public void Check_InvalidCode_ExplainsWhy(string code, string message)
    {
        Assert.Equal(message, IndustryClassification.Check(code));
    }
}
