using System;
using System.Text.Json.Nodes;

namespace EcsTools.LocalEcs.Serialization;

/// <summary>Small helpers for writing wire JSON: timestamps as epoch seconds with milliseconds, optional members left out.</summary>
internal static class WireJson
{
    /// <summary>Epoch seconds with a milliseconds fraction, e.g. 1767225600.123.</summary>
    public static JsonNode Time(DateTimeOffset at) => JsonValue.Create(at.ToUnixTimeMilliseconds() / 1000.0);

    /// <summary>Sets the member only when the value is not null (ECS leaves absent members out).</summary>
    public static void Set(this JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    public static void Set(this JsonObject json, string name, DateTimeOffset? value)
    {
        if (value is { } at)
        {
            json[name] = Time(at);
        }
    }

    public static void Set(this JsonObject json, string name, int? value)
    {
        if (value is { } number)
        {
            json[name] = number;
        }
    }

    public static void Set(this JsonObject json, string name, JsonNode? value)
    {
        if (value is not null)
        {
            json[name] = value.DeepClone();
        }
    }

    /// <summary>A timestamp that is only shown once it has happened.</summary>
    public static void SetIfReached(this JsonObject json, string name, DateTimeOffset? value, DateTimeOffset now)
    {
        if (value is { } at && at <= now)
        {
            json[name] = Time(at);
        }
    }
}
