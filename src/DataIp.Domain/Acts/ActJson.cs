using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataIp.Domain.Acts;

/// <summary>A member of an act as it is recorded: its name, its value and who may read it.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Value">Its value (never null: null members are not recorded).</param>
/// <param name="Disclosure">Who may read it for this act: <see cref="Disclosure.Public"/>,
/// <see cref="Disclosure.Parties"/> or <see cref="Disclosure.BodyStaff"/>, never
/// <see cref="Disclosure.PublicFromNotice"/>, which is resolved by then.</param>
public readonly record struct ActField(string Name, object Value, Disclosure Disclosure);

/// <summary>
/// The JSON form of acts: camelCase names, enums as camelCase names, null members omitted, Chinese
/// text as is (the same form as <see cref="Registration.ApplicationContentJson"/>); reading is
/// strict, so a member the catalogue does not know, a missing required member or a value of the
/// wrong type is an error, never ignored. Thread-safe.
/// </summary>
public static class ActJson
{
    /// <summary>The serializer options; read-only and shared.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// The members of an act to record, with who may read each: a member disclosed from the public
    /// notice is public when <paramref name="noticeStarted"/>, else the parties'.
    /// </summary>
    /// <param name="payload">The act.</param>
    /// <param name="noticeStarted">Whether the application's public notice has started.</param>
    /// <returns>The non-null members, in the record's order.</returns>
    public static IEnumerable<ActField> Fields(ActPayload payload, bool noticeStarted)
    {
        ArgumentNullException.ThrowIfNull(payload);
        foreach (var member in ActCatalogue.Of(payload.GetType()).Members)
        {
            if (member.Property.GetValue(payload) is { } value)
            {
                var disclosure = member.Disclosure == Disclosure.PublicFromNotice
                    ? noticeStarted ? Disclosure.Public : Disclosure.Parties
                    : member.Disclosure;
                yield return new ActField(member.Name, value, disclosure);
            }
        }
    }

    /// <summary>Reads a stored act's payload (every member in clear) as its record.</summary>
    /// <param name="type">The act's type.</param>
    /// <param name="payload">The payload JSON as the act row keeps it.</param>
    /// <returns>The act.</returns>
    /// <exception cref="JsonException">The type is unknown, or the payload is not an act of that type.</exception>
    public static ActPayload Read(string type, string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var descriptor = ActCatalogue.Find(type) ?? throw new JsonException($"'{type}' is not an act type of the catalogue.");
        var members = JsonNode.Parse(payload) as JsonObject ?? throw new JsonException($"The payload of a {type} act is not a JSON object.");
        return Read(descriptor, members);
    }

    /// <summary>Reads an act's members (envelope members such as a public reason are skipped) as its record.</summary>
    /// <param name="descriptor">The act's type.</param>
    /// <param name="members">The act's members.</param>
    /// <returns>The act.</returns>
    /// <exception cref="JsonException">The members are not an act of that type.</exception>
    public static ActPayload Read(ActDescriptor descriptor, JsonObject members)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(members);
        var own = new JsonObject();
        foreach (var (name, value) in members.Where(m => !LogEntryFields.Envelope.Contains(m.Key)))
        {
            own[name] = value?.DeepClone();
        }

        return (ActPayload?)own.Deserialize(descriptor.PayloadType, Options)
            ?? throw new JsonException($"The members of a {descriptor.Name} act are null.");
    }

    /// <summary>
    /// A stored act's payload as a reader may see it: the members the reader may not read removed
    /// (for the parties, what only the body's staff read, such as an objector's contact).
    /// </summary>
    /// <param name="type">The act's type.</param>
    /// <param name="payload">The payload JSON as the act row keeps it.</param>
    /// <param name="reader">What the reader may read: <see cref="Disclosure.Parties"/> or <see cref="Disclosure.BodyStaff"/>.</param>
    /// <returns>The payload the reader sees; an unknown type's payload shows nothing.</returns>
    public static JsonObject Visible(string type, string payload, Disclosure reader)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var members = JsonNode.Parse(payload) as JsonObject ?? [];
        var descriptor = ActCatalogue.Find(type);
        foreach (var name in members.Select(m => m.Key).ToList())
        {
            var disclosure = descriptor?.Member(name)?.Disclosure ?? (name == LogEntryFields.Reason ? Disclosure.Public : Disclosure.BodyStaff);
            if (!MayRead(reader, disclosure))
            {
                members.Remove(name);
            }
        }

        return members;
    }

    /// <summary>Whether a reader of the given level may read a member of the given disclosure.</summary>
    /// <param name="reader">Public (anyone), Parties or BodyStaff.</param>
    /// <param name="member">The member's disclosure.</param>
    /// <returns>Whether the reader may read it.</returns>
    public static bool MayRead(Disclosure reader, Disclosure member) => member switch
    {
        Disclosure.Public => true,
        Disclosure.PublicFromNotice or Disclosure.Parties => reader is Disclosure.Parties or Disclosure.BodyStaff,
        _ => reader == Disclosure.BodyStaff,
    };

    // The content's options (the same JSON form), with dictionary keys in camelCase too.
    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(Registration.ApplicationContentJson.Options) { DictionaryKeyPolicy = JsonNamingPolicy.CamelCase };
        options.MakeReadOnly();
        return options;
    }
}
