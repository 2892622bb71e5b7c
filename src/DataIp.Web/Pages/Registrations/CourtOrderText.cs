using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace DataIp.Web.Pages.Registrations;

/// <summary>The court order a pledge was released on, as its public act records it.</summary>
/// <param name="Number">The order's number (案号).</param>
/// <param name="CourtName">The court that made it; null in a release recorded before the court was.</param>
/// <param name="Date">The day it was made; null in a release recorded before the date was.</param>
public sealed record CourtOrderFacts(string? Number, string? CourtName, DateOnly? Date)
{
    /// <summary>The court order of a release act, or null for any other act (or a release by the pledgee).</summary>
    /// <param name="type">The act's type.</param>
    /// <param name="payload">Its payload as the act row keeps it (only its public members are read).</param>
    public static CourtOrderFacts? OfAct(string type, string payload) =>
        type == ActCatalogue.Of<ReleasePledgeAct>().Name && ActJson.Read(type, payload) is ReleasePledgeAct { Basis: ReleaseBasis.CourtOrder } release
            ? new(release.CourtOrderNumber, release.CourtName, release.CourtOrderDate)
            : null;

    /// <summary>The court order of a pledge of the register of rights, or null when it was not released on one.</summary>
    public static CourtOrderFacts? OfPledge(Features.Rights.PledgeRecordView pledge)
    {
        ArgumentNullException.ThrowIfNull(pledge);
        return pledge.ReleaseBasis == JsonNaming.Camel(ReleaseBasis.CourtOrder) ? new(pledge.CourtOrderNumber, pledge.CourtName, pledge.CourtOrderDate) : null;
    }
}

/// <summary>
/// The words for a court order in the page's language (Pages/Text.resx <c>Court.*</c>): its
/// number and court are entered data, marked as such; a release recorded before the court and the
/// date were is named by its number alone.
/// </summary>
public static class CourtOrderText
{
    // As the pages encode (PagesRegistration): CJK passes as UTF-8, markup characters are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>"the order (2026)粤03民初123号 of 深圳市中级人民法院 dated 18 March 2026".</summary>
    public static IHtmlContent Of(CourtOrderFacts order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order is { CourtName: { } court, Date: { } date }
            ? Text.FormatHtml("Court.Order", Labels.Data(order.Number), Labels.Data(court), new HtmlString(Encoder.Encode(Labels.Day(date))))
            : Text.FormatHtml("Court.OrderNumberOnly", Labels.Data(order.Number));
    }

    /// <summary>"Released on 18 March 2026 on the order …", for a pledge of the register of rights.</summary>
    public static IHtmlContent Released(DateTimeOffset releasedAt, CourtOrderFacts order) =>
        Text.FormatHtml("Court.Released", new HtmlString(Encoder.Encode(Labels.Day(releasedAt))), Of(order));
}
