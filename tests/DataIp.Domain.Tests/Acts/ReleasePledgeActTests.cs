using DataIp.Domain.Acts;
using DataIp.Domain.Rights;

namespace DataIp.Domain.Tests.Acts;

/// <summary>
/// The court and date of a court-order release were added to <c>releasePledge</c> after entries
/// without them were logged: those entries must still read (and so verify and replay), while new
/// releases carry both (the use case requires them; docs/transparency-log.md).
/// </summary>
public sealed class ReleasePledgeActTests
{
    // A court-order release as logged before the court and the date were recorded.
    private const string Before =
        """{"pledgeNumber":"2025440300000012-P001","basis":"courtOrder","courtOrderNumber":"（2026）粤03民初123号","courtOrderSha256":"00","registrationNumber":"2025440300000012","bodyCode":"4403","fromState":"registered","toState":"registered"}""";

    [Fact]
    public void Read_CourtOrderReleaseLoggedBeforeTheCourtAndDate_ReadsWithoutThem()
    {
        var act = Assert.IsType<ReleasePledgeAct>(ActJson.Read(ActTypes.ReleasePledge, Before));

        Assert.Equal((ReleaseBasis.CourtOrder, "（2026）粤03民初123号", null, null), (act.Basis, act.CourtOrderNumber, act.CourtName, act.CourtOrderDate));
    }

    [Fact]
    public void Read_CourtOrderReleaseWithTheCourtAndDate_ReadsThem()
    {
        var payload = Before.Replace("\"courtOrderSha256\"", "\"courtName\":\"深圳市中级人民法院\",\"courtOrderDate\":\"2026-01-05\",\"courtOrderSha256\"", StringComparison.Ordinal);

        var act = Assert.IsType<ReleasePledgeAct>(ActJson.Read(ActTypes.ReleasePledge, payload));

        Assert.Equal(("深圳市中级人民法院", new DateOnly(2026, 1, 5)), (act.CourtName, act.CourtOrderDate));
    }

    [Theory]
    [InlineData("courtName")]
    [InlineData("courtOrderDate")]
    public void Members_CourtAndDate_ArePublicAndNotRequiredOnRead(string name)
    {
        var member = ActCatalogue.Of<ReleasePledgeAct>().Member(name);

        Assert.NotNull(member);
        Assert.Equal((Disclosure.Public, false), (member.Disclosure, member.Required));
    }
}
