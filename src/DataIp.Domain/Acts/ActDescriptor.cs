using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DataIp.Domain.Registration;

namespace DataIp.Domain.Acts;

/// <summary>One member of an act: its name in the log and who may read it.</summary>
/// <param name="Name">The camelCase name, as logged.</param>
/// <param name="Disclosure">Who may read it.</param>
/// <param name="Required">Whether every act of the type has it (declared required or not nullable).</param>
/// <param name="Property">The record's property.</param>
public sealed record ActMember(string Name, Disclosure Disclosure, bool Required, PropertyInfo Property);

/// <summary>An act type of <see cref="ActCatalogue"/>.</summary>
/// <param name="Name">The type's name, one of <see cref="ActTypes"/>.</param>
/// <param name="PayloadType">Its payload record.</param>
/// <param name="Trigger">The lifecycle trigger it carries out, if any.</param>
/// <param name="Reason">Who may read its reasons.</param>
/// <param name="Members">Its members, in the record's order.</param>
public sealed record ActDescriptor(string Name, Type PayloadType, LifecycleTrigger? Trigger, ReasonDisclosure Reason, IReadOnlyList<ActMember> Members)
{
    /// <summary>The member named <paramref name="name"/>, or null.</summary>
    /// <param name="name">A member's camelCase name.</param>
    /// <returns>The member, or null.</returns>
    public ActMember? Member(string name) => Members.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));

    /// <summary>Reads a payload record's members by reflection, once, when the catalogue is built.</summary>
    /// <exception cref="InvalidOperationException">
    /// A member says nothing of who may read it, a private member is required (the log holds only
    /// its digest, so a reader of the log could not decode the act), or a member is named like the
    /// entry's envelope.
    /// </exception>
    internal static ActDescriptor Describe(string name, Type payloadType, LifecycleTrigger? trigger, ReasonDisclosure reason)
    {
        var members = new List<ActMember>();
        foreach (var property in payloadType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod is { IsPublic: true }))
        {
            var memberName = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var disclosure = property.GetCustomAttribute<DisclosedAttribute>()?.Disclosure
                ?? throw new InvalidOperationException($"{payloadType.Name}.{property.Name} does not say who may read it ([Disclosed]).");
            var required = IsRequired(property);
            if (required && disclosure != Disclosure.Public)
            {
                throw new InvalidOperationException($"{payloadType.Name}.{property.Name} is required but not public: the log holds only its digest.");
            }

            if (LogEntryFields.Envelope.Contains(memberName))
            {
                throw new InvalidOperationException($"{payloadType.Name}.{property.Name} is named like the log entry's own member '{memberName}'.");
            }

            members.Add(new ActMember(memberName, disclosure, required, property));
        }

        return new ActDescriptor(name, payloadType, trigger, reason, members);
    }

    // Every act has a member that is declared required, a non-nullable value type or a reference
    // type not annotated nullable; a nullable one is absent when null.
    private static bool IsRequired(PropertyInfo property)
    {
        if (property.GetCustomAttribute<RequiredMemberAttribute>() is not null)
        {
            return true;
        }

        return property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is null
            : new NullabilityInfoContext().Create(property).ReadState == NullabilityState.NotNull;
    }
}
