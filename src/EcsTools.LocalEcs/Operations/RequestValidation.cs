using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcsTools.LocalEcs.Protocol;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Operations;

/// <summary>Checks ECS makes beyond the model's constraints, with messages modelled on the service's.</summary>
internal static partial class RequestValidation
{
    public const int MaxOverridesLength = 8192;

    /// <summary>Tags: the model limits count and lengths; ECS also wants unique keys and no <c>aws:</c> prefix.</summary>
    public static List<Tag> Tags(JsonArray? tags)
    {
        List<Tag> list = Tag.ListFrom(tags);
        if (list.Count > 50)
        {
            throw ServerErrors.InvalidParameter("The number of tags must be less than or equal to 50.");
        }

        if (list.FirstOrDefault(t => t.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)) is { } reserved)
        {
            throw ServerErrors.InvalidParameter($"Tag keys with the prefix 'aws:' are reserved for AWS use ({reserved.Key}).");
        }

        if (list.GroupBy(t => t.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw ServerErrors.InvalidParameter($"Tag keys must be unique: '{duplicate.Key}' is given more than once.");
        }

        return list;
    }

    /// <summary>startedBy: RunTask up to 128, StartTask up to 36 letters, numbers, hyphens, underscores and forward slashes.</summary>
    public static string? StartedBy(string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length == 0 || value.Length > maxLength || !StartedByPattern().IsMatch(value))
        {
            throw ServerErrors.InvalidParameter(
                $"startedBy must be up to {maxLength} letters (uppercase and lowercase), numbers, hyphens (-), forward slash (/), and underscores (_).");
        }

        return value;
    }

    /// <summary>clientToken: up to <paramref name="maxLength"/> ASCII characters 33-126.</summary>
    public static string? ClientToken(string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length == 0 || value.Length > maxLength || value.Any(c => c < 33 || c > 126))
        {
            throw ServerErrors.InvalidParameter($"clientToken must be 1 to {maxLength} ASCII characters in the range 33-126.");
        }

        return value;
    }

    /// <summary>Overrides: at most 8192 characters of JSON; container overrides must name containers of the definition.</summary>
    public static void Overrides(JsonObject? overrides, TaskDefinitionState definition)
    {
        if (overrides is null)
        {
            return;
        }

        if (overrides.ToJsonString().Length > MaxOverridesLength)
        {
            throw ServerErrors.InvalidParameter($"Container Overrides length must be at most {MaxOverridesLength}");
        }

        foreach (JsonNode? item in overrides["containerOverrides"] as JsonArray ?? [])
        {
            string? name = (string?)item?["name"];
            if (name is null || definition.Container(name) is null)
            {
                throw ServerErrors.InvalidParameter($"Override for container named {name} is not a container in the TaskDefinition.");
            }
        }

        if (overrides["cpu"] is not null && TaskFactory.ParseUnits((string?)overrides["cpu"]) is null)
        {
            throw ServerErrors.InvalidParameter("Invalid 'cpu' setting for task.");
        }

        if (overrides["memory"] is not null && TaskFactory.ParseUnits((string?)overrides["memory"]) is null)
        {
            throw ServerErrors.InvalidParameter("Invalid 'memory' setting for task.");
        }
    }

    /// <summary>A list member the model requires to be non-empty in practice.</summary>
    public static List<string> NonEmpty(OperationContext context, string member, string what, int max)
    {
        List<string> values = context.Strings(member);
        if (values.Count == 0)
        {
            throw ServerErrors.InvalidParameter($"{what} cannot be empty.");
        }

        if (values.Count > max)
        {
            throw ServerErrors.InvalidParameter($"{what} cannot have more than {max} items.");
        }

        return values;
    }

    /// <summary>Names of clusters, services, families and containers: up to 255 letters, numbers, hyphens and underscores.</summary>
    public static bool IsName(string value) => NamePattern().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z0-9_/-]+\z")]
    private static partial Regex StartedByPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,255}\z")]
    private static partial Regex NamePattern();
}
