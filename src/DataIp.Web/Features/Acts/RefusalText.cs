using System.Globalization;
using DataIp.Domain.Calendar;
using DataIp.Web.Pages;
using DataIp.Web.Pages.Drafts;

namespace DataIp.Web.Features.Acts;

/// <summary>
/// Words a <see cref="RefusalMessage"/>: the one place a refusal becomes a sentence. The API gets
/// the English sentence with its arguments as the API names them (enum members, camelCase JSON
/// names, ISO 8601 days and instants, invariant numbers); a page gets the sentence in its language
/// with its arguments as the pages word them (a state's name, a day written the language's way).
/// </summary>
public static class RefusalText
{
    /// <summary>The sentence as the API answers it: English, arguments in the API's names.</summary>
    public static string ForApi(RefusalMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.ApiWords ?? Render(message, Text.English, CultureInfo.InvariantCulture, api: true);
    }

    /// <summary>The sentence in the page's language (the current UI culture), arguments in the pages' words.</summary>
    public static string ForPage(RefusalMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message switch
        {
            { Problem: { } problem } => ContentText.Sentence(problem),
            { Upload: { } upload } => AttachmentText.Sentence(upload),
            _ => Render(message, CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture, api: false),
        };
    }

    /// <summary>What a page says of a refusal: its field messages, or its sentence when it names no field.</summary>
    public static IReadOnlyList<string> ForPage(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Fields is { Count: > 0 } fields
            ? [.. fields.Values.SelectMany(m => m).Select(ForPage)]
            : [ForPage(refusal.Message)];
    }

    /// <summary>A page's error line for a refusal: "Not done: " and what <see cref="ForPage(Refusal)"/> says.</summary>
    public static string Sentence(Refusal refusal) => Text.Get("Action.Refused") + string.Join(" ", ForPage(refusal));

    /// <summary>A page's error line for one message: "Not done: " and the message.</summary>
    public static string Sentence(RefusalMessage message) => Text.Get("Action.Refused") + ForPage(message);

    private static string Render(RefusalMessage message, CultureInfo language, CultureInfo format, bool api)
    {
        var template = Text.Get(message.Key.ResourceKey, language);
        return message.Args.Length == 0 ? template
            : string.Format(format, template, [.. message.Args.Select(a => Argument(a, language, format, api))]);
    }

    private static object Argument(object? value, CultureInfo language, CultureInfo format, bool api) => value switch
    {
        null => "",
        RefusalMessage inner => api && inner.ApiWords is { } words ? words : Render(inner, language, format, api),
        RefusalList list => string.Join(Text.Get(list.Separator.ResourceKey, language), list.Items.Select(i => Argument(i, language, format, api))),
        IEnumerable<Actor> actors => Actors([.. actors.Order()], language),
        Actor actor => Text.Get(RefusalKey.Actor(actor).ResourceKey, language),
        LifecycleTrigger trigger => api ? trigger.ToString() : Text.Get(RefusalKey.Trigger(trigger).ResourceKey, language),
        ApplicationState state => api ? state.ToString() : Text.Get("State." + state, language),
        PledgeStatus or TransferStatus or ChangeStatus => api ? value.ToString()! : Text.Get($"Rights.{value.GetType().Name}.{JsonNaming.Camel(value.ToString()!)}", language),
        LicenceStatus status => api ? status.ToString() : Text.Get(RefusalKey.LicenceStatus(status).ResourceKey, language),
        ObjectionStatus status => api ? JsonNaming.Camel(status) : Text.Get("ObjectionStatus." + status, language),
        DataRight right => api ? JsonNaming.Camel(right) : Text.Get("Right." + right, language),
        LicenceKind kind => api ? JsonNaming.Camel(kind) : Text.Get("Licence." + JsonNaming.Camel(kind), language),
        ConsentPurpose purpose => api ? JsonNaming.Camel(purpose) : Text.Get("Bank.Purpose." + purpose, language),
        AccountRole role => api ? JsonNaming.Camel(role) : Text.Get("Role." + role, language),
        DateOnly day => api ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day.ToString(Text.Get("Format.Day", language), format),
        DateTimeOffset instant => api ? instant.ToString("o", CultureInfo.InvariantCulture)
            : instant.ToOffset(ChinaTime.Offset).ToString(Text.Get("Format.Time", language), format),
        Enum other => throw new ArgumentException($"A refusal has no words for {other.GetType().Name}.{other}.", nameof(value)),
        _ => value,
    };

    // "the applicant", "an examiner of the body or the system", "a, b or c" — as the lifecycle lists them.
    private static string Actors(IReadOnlyList<Actor> actors, CultureInfo language)
    {
        var names = actors.Select(a => Text.Get(RefusalKey.Actor(a).ResourceKey, language)).ToArray();
        return names.Length switch
        {
            0 => "",
            1 => names[0],
            _ => string.Format(CultureInfo.InvariantCulture, Text.Get(RefusalKey.ListOr.ResourceKey, language),
                string.Join(Text.Get(RefusalKey.ListComma.ResourceKey, language), names[..^1]), names[^1]),
        };
    }
}
