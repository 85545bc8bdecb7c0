using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EcsTools.Engine.Model;
using EcsTools.Engine.Tasks;

namespace EcsTools.Engine;

/// <summary>
/// Reads user-supplied structures (hashtables and objects, turned into JSON by the module) into ECS shapes: member names
/// match case-insensitively (so both AWS.Tools' PascalCase properties and the API's camelCase work), and a key that is
/// not a member of the shape is an error that lists the valid keys, so that a typo never silently drops a setting.
/// </summary>
public static class EcsInput
{
    private static readonly EcsJsonContext s_strict = new(new JsonSerializerOptions
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new LenientStringConverter() },
    });

    internal static T Parse<T>(string json, string what)
    {
        ArgumentNullException.ThrowIfNull(json);
        var typeInfo = (JsonTypeInfo<T>)s_strict.GetTypeInfo(typeof(T))!;
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo) ?? throw new EcsInputException(InputMessages.EmptyInput(what));
        }
        catch (JsonException e)
        {
            throw new EcsInputException(Describe(e, typeof(T), what, json), e);
        }
    }

    /// <summary>
    /// The items of a capacity provider strategy (-CapacityProviderStrategy), each read strictly from its JSON; an item
    /// without a provider has "" (the caller checks the strategy). An item that cannot be read is refused with
    /// <paramref name="errorId"/> and its position.
    /// </summary>
    public static IReadOnlyList<CapacityProviderShare> ReadCapacityProviderStrategy(IReadOnlyList<string> items, string parameter, string errorId) =>
        ReadAll<CapacityProviderStrategyItem>(items, parameter, errorId).Select(i => new CapacityProviderShare(i.CapacityProvider ?? "", i.Weight, i.Base)).ToList();

    /// <summary>Each item read into <typeparamref name="T"/>; one that cannot be read is refused with <paramref name="errorId"/> and its position.</summary>
    internal static List<T> ReadAll<T>(IReadOnlyList<string> items, string parameter, string errorId)
    {
        ArgumentNullException.ThrowIfNull(items);
        var result = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                result.Add(Parse<T>(items[i], $"-{parameter}"));
            }
            catch (EcsInputException e)
            {
                throw new EcsInputException(errorId, e.Message, InputMessages.InvalidStructuredInputAction(parameter), null, e) { ItemIndex = i };
            }
        }

        return result;
    }

    /// <summary>The JSON an ECS shape is sent as, e.g. to measure the 8192-character limit on overrides.</summary>
    internal static string ToJson<T>(T value)
    {
        var typeInfo = (JsonTypeInfo<T>)EcsJsonContext.Default.GetTypeInfo(typeof(T))!;
        return JsonSerializer.Serialize(value, typeInfo);
    }

    /// <summary>The wire names of a shape's members, e.g. for completion and error messages.</summary>
    internal static string[] MemberNames(Type shape)
    {
        var typeInfo = EcsJsonContext.Default.GetTypeInfo(shape) ?? throw new ArgumentException($"{shape.Name} is not an ECS shape.", nameof(shape));
        return typeInfo.Properties.Select(p => p.Name).ToArray();
    }

    private static string Describe(JsonException e, Type shape, string what, string json)
    {
        var path = e.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : null;
        var message = e.Message;
        if (path is null && ValueKind(json) is { } given)
        {
            // Not a hashtable or object at all (-CapacityProviderStrategy FARGATE, -Override 'text'): say what the
            // parameter takes, with an example, rather than System.Text.Json's words about the engine's types.
            return InputMessages.NotAStructure(what, given, MemberNames(shape), Example(shape));
        }

        if (path is not null && message.Contains("could not be converted to ", StringComparison.Ordinal))
        {
            return InputMessages.WrongValueType(what, path, Expected(message));
        }

        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var start = message.IndexOf('\'', StringComparison.Ordinal);
            var end = start >= 0 ? message.IndexOf('\'', start + 1) : -1;
            var key = start >= 0 && end > start ? message[(start + 1)..end] : path;
            var owner = OwnerType(shape, path) ?? shape;
            return $"{what} has an unknown key '{key}'" + (path is null || path == key ? "" : $" (at {path})")
                + $". Valid keys: {string.Join(", ", MemberNames(owner))}.";
        }

        return path is null
            ? $"{what} could not be read: {message}"
            : $"{what} has a value of the wrong type at '{path}': {FirstSentence(message)}";
    }

    private static Type? OwnerType(Type shape, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return shape;
        }

        var type = shape;
        var segments = path.Split('.');
        foreach (var raw in segments.Take(segments.Length - 1))
        {
            var name = raw.Split('[')[0];
            var info = EcsJsonContext.Default.GetTypeInfo(type);
            var property = info?.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType;
            if (type.IsGenericType && type.GetGenericArguments() is { Length: 1 } args)
            {
                type = args[0];
            }
        }

        return type;
    }

    /// <summary>What a JSON value other than an object is, in PowerShell's words (null for an object).</summary>
    private static string? ValueKind(string json)
    {
        var text = json.AsSpan().TrimStart();
        return text.IsEmpty ? null : text[0] switch
        {
            '{' => null,
            '"' => "text",
            '[' => "a list of values",
            't' or 'f' => "$true or $false",
            'n' => "$null",
            _ => "a number",
        };
    }

    /// <summary>A PowerShell example of a shape that users give as a hashtable (null when there is none to show).</summary>
    private static string? Example(Type shape) =>
        shape == typeof(CapacityProviderStrategyItem) ? "@{ CapacityProvider = 'FARGATE_SPOT'; Weight = 3 }, @{ CapacityProvider = 'FARGATE'; Weight = 1; Base = 1 }"
        : shape == typeof(TaskOverride) ? "@{ TaskRoleArn = 'arn:aws:iam::123456789012:role/report'; Memory = '2048' }"
        : shape == typeof(PlacementConstraint) ? "@{ Type = 'memberOf'; Expression = 'attribute:ecs.instance-type =~ t3.*' }"
        : shape == typeof(PlacementStrategy) ? "@{ Type = 'spread'; Field = 'attribute:ecs.availability-zone' }"
        : shape == typeof(LoadBalancer) ? "@{ TargetGroupArn = 'arn:aws:elasticloadbalancing:...'; ContainerName = 'web'; ContainerPort = 80 }"
        : shape == typeof(ServiceRegistry) ? "@{ RegistryArn = 'arn:aws:servicediscovery:...' }"
        : null;

    /// <summary>The kind of value System.Text.Json expected ("could not be converted to System.Int32"), in PowerShell's words.</summary>
    private static string Expected(string message)
    {
        const string Marker = "could not be converted to ";
        var type = message[(message.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Replace("System.Nullable`1[", "", StringComparison.Ordinal);
        return type.StartsWith("System.Collections.Generic.List", StringComparison.Ordinal) ? "a list"
            : type.StartsWith("System.String", StringComparison.Ordinal) ? "text"
            : type.StartsWith("System.Boolean", StringComparison.Ordinal) ? "$true or $false"
            : type.StartsWith("System.Int", StringComparison.Ordinal) || type.StartsWith("System.Double", StringComparison.Ordinal) ? "a number"
            : "a hashtable or an object";
    }

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..(dot + 1)] : message;
    }
}
