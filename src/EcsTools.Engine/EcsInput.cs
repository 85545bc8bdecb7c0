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
            throw new EcsInputException(Describe(e, typeof(T), what), e);
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

    private static string Describe(JsonException e, Type shape, string what)
    {
        var path = e.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : null;
        var message = e.Message;
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

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..(dot + 1)] : message;
    }
}
