using System;
using System.Globalization;

namespace EcsTools.Mapping;

/// <summary>Reads the parts of ECS ARNs and ids that users see: task id, cluster name, family and revision.</summary>
internal static class Arns
{
    public static string LastSegment(string? arnOrName)
    {
        if (string.IsNullOrEmpty(arnOrName))
        {
            return "";
        }

        var slash = arnOrName.LastIndexOf('/');
        return slash >= 0 ? arnOrName[(slash + 1)..] : arnOrName;
    }

    /// <summary>"arn:...:task-definition/web:3" or "web:3" → ("web", 3); "web" → ("web", null).</summary>
    public static (string? Family, int? Revision) FamilyAndRevision(string? taskDefinition)
    {
        if (string.IsNullOrEmpty(taskDefinition))
        {
            return (null, null);
        }

        var name = LastSegment(taskDefinition);
        var colon = name.LastIndexOf(':');
        if (colon < 0)
        {
            return (name, null);
        }

        return int.TryParse(name.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? (name[..colon], revision)
            : (name, null);
    }
}
