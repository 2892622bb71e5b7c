using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace DataIp.Web.Pages.Notifications;

/// <summary>A notification as the page shows it: its words in the page's language, and what it links to.</summary>
/// <param name="Id">The notification.</param>
/// <param name="Text">Its text, HTML with the entered values marked as data.</param>
/// <param name="Href">The page of the application or registration it is about, if any.</param>
/// <param name="LinkText">The words of that link.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="Read">Whether the account marked it read.</param>
public sealed record NotificationRow(Guid Id, IHtmlContent Text, string? Href, string? LinkText, DateTimeOffset CreatedAt, bool Read);

/// <summary>
/// The words of a notification in the page's language. <see cref="Features.Notifications.Notifier"/>
/// stores an English subject and body (the API's <c>GET /api/v1/notifications</c> returns them as
/// they are); the page does not show those, but derives the text from what the notification
/// records: its kind (an act's type, or <c>evidenceOverlap</c>), the act that caused it and the
/// application it is about, with the sentence from Pages/Text.resx (<c>Notify.Text.*</c>). A
/// notification of a kind this does not know is shown as stored, marked as data.
/// </summary>
internal static class NotificationText
{
    // As the pages encode (PagesRegistration): CJK passes as UTF-8, markup characters are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The row of one notification.</summary>
    /// <param name="n">The notification.</param>
    /// <param name="act">The act that caused it, if it is stored.</param>
    /// <param name="application">The application it is about, if any.</param>
    public static NotificationRow Of(Data.Notifications.Notification n, Act? act, ApplicationRecord? application)
    {
        ArgumentNullException.ThrowIfNull(n);
        var read = n.ReadAt is not null;
        if (application is not null && n.Kind == "evidenceOverlap")
        {
            return new(n.Id, Text.FormatHtml("Notify.Text.evidenceOverlap", Code(application.ApplicationNumber), Labels.Data(application.DataName)),
                $"/notices/{Uri.EscapeDataString(application.ApplicationNumber ?? "")}", Text.Get("Notify.ToNotice"), n.CreatedAt, read);
        }

        if (application is not null && act is not null && ActCatalogue.Find(n.Kind) is { } descriptor)
        {
            var onRegistration = typeof(RegistrationPayload).IsAssignableFrom(descriptor.PayloadType) && application.RegistrationNumber is not null;
            var actor = Labels.Data(act.ActorName);
            var role = new HtmlString(Encoder.Encode(Labels.ActorRole(act.ActorRole)));
            var what = new HtmlString(Encoder.Encode(Labels.Act(n.Kind)));
            var reason = ActView.Of(act, Disclosure.Parties).Reason;
            IHtmlContent text = onRegistration
                ? Text.FormatHtml("Notify.Text.registration", actor, role, Code(application.RegistrationNumber), Labels.Data(application.DataName), what)
                : Text.FormatHtml("Notify.Text.application", actor, role, Code(application.ApplicationNumber), Labels.Data(application.DataName), what);
            if (Registrations.CourtOrderFacts.OfAct(act.Type, act.Payload) is { } order)
            {
                text = new HtmlContentBuilder().AppendHtml(text).Append(" ").AppendHtml(Text.FormatHtml("Court.Notify", Registrations.CourtOrderText.Of(order)));
            }

            if (reason is not null)
            {
                text = new HtmlContentBuilder().AppendHtml(text).Append(" ").AppendHtml(Text.FormatHtml("Notify.Reason", Labels.Data(reason)));
            }

            return onRegistration
                ? new(n.Id, text, $"/registrations/{Uri.EscapeDataString(application.RegistrationNumber!)}", Text.Get("Notify.ToRegistration"), n.CreatedAt, read)
                : new(n.Id, text, $"/applications/{application.Id}", Text.Get("Notify.ToApplication"), n.CreatedAt, read);
        }

        var stored = new HtmlContentBuilder().AppendHtml(Labels.Data(n.Subject)).AppendHtml("<br>").AppendHtml(Labels.Data(n.Body));
        return new(n.Id, stored, application is null ? null : $"/applications/{application.Id}", application is null ? null : Text.Get("Notify.ToApplication"), n.CreatedAt, read);
    }


    private static HtmlString Code(string? number) => new($"<span class=\"code\">{Encoder.Encode(number ?? "")}</span>");
}
