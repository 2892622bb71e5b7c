using System.Collections;
using System.Reflection;
using DataIp.Domain.Acts;
using DataIp.Domain.Registration;

namespace DataIp.Testing;

/// <summary>
/// An act of every type of <see cref="ActCatalogue"/>, every member filled (no default values, so a
/// member dropped on the way shows), made by reflection so that a new act type gets its sample
/// without anyone writing it: the tests that walk the catalogue cannot forget one.
/// </summary>
public static class ActSamples
{
    private static readonly DateOnly Day = new(2025, 10, 16);

    /// <summary>One filled act of the type.</summary>
    public static ActPayload Of(ActDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return (ActPayload)Make(descriptor.PayloadType, descriptor.Name, depth: 0);
    }

    private static object Make(Type type, string hint, int depth)
    {
        if (depth > 6)
        {
            throw new InvalidOperationException($"Couldn't make a sample {type.Name}: nested too deep.");
        }

        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Make(inner, hint, depth);
        }

        return type switch
        {
            _ when type == typeof(string) => $"示例 {hint}",
            _ when type == typeof(int) => 7,
            _ when type == typeof(long) => 4096L,
            _ when type == typeof(bool) => true,
            _ when type == typeof(double) => 0.5,
            _ when type == typeof(decimal) => 12.5m,
            _ when type == typeof(Guid) => new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
            _ when type == typeof(DateOnly) => Day,
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2025, 9, 1, 9, 30, 0, TimeSpan.FromHours(8)),
            _ when type == typeof(BodyPolicy) => BodyPolicy.Default with { NoticeLength = 15, SubstantiveExamination = true },
            _ when type.IsEnum => Enum.GetValues(type).Cast<object>().Last(),
            _ when type.IsGenericType && type.GetGenericTypeDefinition() is var g && (g == typeof(IReadOnlyList<>) || g == typeof(List<>)) => List(type.GetGenericArguments()[0], hint, depth),
            _ => Object(type, hint, depth),
        };
    }

    private static IList List(Type element, string hint, int depth)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        list.Add(Make(element, hint, depth + 1));
        return list;
    }

    // A record with a primary constructor gets every argument; otherwise every settable property is set.
    private static object Object(Type type, string hint, int depth)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = constructor.GetParameters();
        if (parameters.Length > 0 && !(parameters.Length == 1 && parameters[0].ParameterType == type))
        {
            return constructor.Invoke([.. parameters.Select(p => Make(p.ParameterType, p.Name!, depth + 1))]);
        }

        var value = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            property.SetValue(value, Make(property.PropertyType, property.Name, depth + 1));
        }

        return value;
    }
}
