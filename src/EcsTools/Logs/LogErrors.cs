using System;
using System.Collections.Generic;
using System.Management.Automation;
using EcsTools.Errors;

namespace EcsTools.Logs;

/// <summary>The messages and error records of Get-EcsTaskLog and of log following during waits.</summary>
internal static class LogErrors
{
    public static string CannotRead(string problem) => $"The log cannot be read: {problem}.";

    public static ErrorRecord ContainerNotFound(string task, IReadOnlyCollection<string> asked, IReadOnlyCollection<string> containers) => ErrorRecords.Create(
        new ArgumentException($"Task {task} has no container named {string.Join(", ", Quote(asked))}; its containers are {string.Join(", ", Quote(containers))}."),
        ErrorIds.ContainerNotFound, ErrorCategory.ObjectNotFound, task,
        "Pass -Container with one of the task definition's container names (Tab completes them), or leave it out for every container.");

    public static ErrorRecord NoTaskDefinition(string task) => ErrorRecords.Create(
        new InvalidOperationException($"ECS returned task {task} without its task definition ARN, so where its containers log is not known."),
        ErrorIds.TaskDefinitionUnknown, ErrorCategory.InvalidResult, task,
        "Check the task with Get-EcsTask; a task of a deregistered task definition still names it.");

    private static IEnumerable<string> Quote(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            yield return $"'{name}'";
        }
    }
}
