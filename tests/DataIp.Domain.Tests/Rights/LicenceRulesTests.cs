using DataIp.Domain.Registration;
using DataIp.Domain.Rights;

namespace DataIp.Domain.Tests.Rights;

public sealed class LicenceRulesTests
{
    private static LicenceTerms Terms(LicenceKind kind, string from, string to, params DataRight[] rights) =>
        new(kind, rights, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(LicenceKind.Exclusive, LicenceKind.NonExclusive, true)]
    [InlineData(LicenceKind.NonExclusive, LicenceKind.Exclusive, true)]
    [InlineData(LicenceKind.Exclusive, LicenceKind.Exclusive, true)]
    [InlineData(LicenceKind.Sole, LicenceKind.NonExclusive, true)]
    [InlineData(LicenceKind.NonExclusive, LicenceKind.Sole, true)]
    [InlineData(LicenceKind.Sole, LicenceKind.Exclusive, true)]
    [InlineData(LicenceKind.NonExclusive, LicenceKind.NonExclusive, false)]
    public void Conflict_SameRightOverlappingTerm_UnlessBothNonExclusive(LicenceKind proposed, LicenceKind recorded, bool conflict)
    {
        var a = Terms(proposed, "2026-01-01", "2026-12-31", DataRight.Holding);
        var b = Terms(recorded, "2026-06-01", "2027-05-31", DataRight.Holding, DataRight.ProductOperation);

        Assert.Equal(conflict, LicenceRules.Conflict(a, b));
    }

    [Theory]
    [InlineData("2026-01-01", "2026-05-31", false)] // ends the day before
    [InlineData("2026-01-01", "2026-06-01", true)] // one shared day
    [InlineData("2027-05-31", "2027-12-31", true)] // starts on the last day
    [InlineData("2027-06-01", "2027-12-31", false)] // starts the day after
    public void Conflict_TermBoundaries_InclusiveDays(string from, string to, bool conflict)
    {
        var recorded = Terms(LicenceKind.Exclusive, "2026-06-01", "2027-05-31", DataRight.Holding);

        Assert.Equal(conflict, LicenceRules.Conflict(Terms(LicenceKind.NonExclusive, from, to, DataRight.Holding), recorded));
    }

    [Fact]
    public void Conflict_DifferentRights_None()
    {
        var recorded = Terms(LicenceKind.Exclusive, "2026-01-01", "2026-12-31", DataRight.Holding);

        Assert.False(LicenceRules.Conflict(Terms(LicenceKind.Exclusive, "2026-01-01", "2026-12-31", DataRight.ProcessingAndUse), recorded));
    }

    [Fact]
    public void FirstConflict_SeveralRecorded_TheFirstInOrder()
    {
        var recorded = new[]
        {
            ("L001", Terms(LicenceKind.NonExclusive, "2026-01-01", "2026-12-31", DataRight.Holding)),
            ("L002", Terms(LicenceKind.NonExclusive, "2026-01-01", "2026-12-31", DataRight.ProcessingAndUse)),
        };

        var first = LicenceRules.FirstConflict(Terms(LicenceKind.Exclusive, "2026-03-01", "2026-03-31", DataRight.ProcessingAndUse, DataRight.Holding), recorded, r => r.Item2);

        Assert.Equal("L001", first.Item1);
    }
}
