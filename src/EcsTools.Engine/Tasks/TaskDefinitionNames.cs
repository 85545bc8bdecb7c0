using System;

namespace EcsTools.Engine.Tasks;

/// <summary>Task definition references: <c>family</c>, <c>family:revision</c> or <c>arn:aws:ecs:REGION:ACCOUNT:task-definition/family:revision</c>.</summary>
public static class TaskDefinitionNames
{
    /// <summary>The family of a task definition reference ("" for none).</summary>
    public static string FamilyOf(string? taskDefinition)
    {
        if (string.IsNullOrEmpty(taskDefinition))
        {
            return "";
        }

        var name = taskDefinition;
        var slash = name.LastIndexOf('/');
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? name[..colon] : name;
    }
}
