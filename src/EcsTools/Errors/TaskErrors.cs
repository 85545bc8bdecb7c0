using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using EcsTools.Engine;
using EcsTools.Input;
using EcsTools.Waiting;

namespace EcsTools.Errors;

/// <summary>The error records of the task cmdlets (Get-, Wait-, Stop-EcsTask and Start-EcsTask -Wait).</summary>
internal static class TaskErrors
{
    private const int ListedTasks = 10;

    /// <summary>
    /// ECS answered a RunTask with fewer tasks than it was asked for and no failure, or a StartTask with fewer tasks and
    /// failures together than container instances: the rest are neither started nor explained (an emulator out of
    /// capacity does this; ECS itself should not). Nothing is lost silently.
    /// </summary>
    public static ErrorRecord FewerThanAsked(string operation, string taskDefinition, string? cluster, int asked, int started, int failures) => Create(
        new InvalidOperationException($"{operation} asked for {asked} task(s) of '{taskDefinition}' on cluster '{cluster ?? "default"}'; ECS started {started} and reported "
            + $"{failures} failure(s), so {asked - started - failures} task(s) were neither started nor explained."),
        ErrorIds.TasksNotAccountedFor, ErrorCategory.InvalidResult, taskDefinition,
        $"Check what runs with Get-EcsTask -Cluster {cluster ?? "default"} -Family {FamilyOf(taskDefinition)}, and the cluster's capacity, before starting the rest again.");

    // 'web', 'web:3' or 'arn:aws:ecs:...:task-definition/web:3' -> 'web'.
    private static string FamilyOf(string taskDefinition)
    {
        var name = taskDefinition[(taskDefinition.LastIndexOf('/') + 1)..];
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? name : name[..colon];
    }

    public static ErrorRecord StoppedBeforeRunning(EcsTask task) => Create(
        (task.StartedAt is { } started
            ? $"Task {Name(task)} had already run (started {started.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture)}) and stopped before the wait saw it RUNNING ({task.LastStatus}). "
            : $"Task {Name(task)} stopped before it was RUNNING ({task.LastStatus}). ") + Explain(task),
        ErrorIds.TaskStopped, ErrorCategory.InvalidResult, task,
        "Read the stop code, stopped reason and container reasons; Get-EcsTask shows stopped tasks for about an hour (-DesiredStatus STOPPED).");

    public static ErrorRecord FailedToStart(EcsTask task) => Create(
        $"Task {Name(task)} failed to start. {Explain(task)}",
        ErrorIds.TaskFailedToStart, ErrorCategory.ResourceUnavailable, task,
        "Common causes: an image that cannot be pulled, missing secrets or permissions of the execution role, no network path to the registry. "
        + "The stopped reason and container reasons say which.");

    public static ErrorRecord EssentialContainerFailed(EcsTask task, IReadOnlyList<EcsContainer> failed) => Create(
        $"Task {Name(task)} stopped with a failure: essential container(s) "
        + string.Join(", ", failed.Select(c => $"'{c.Name}' exited with code {c.ExitCode}")) + $". {Explain(task)}",
        ErrorIds.TaskFailed, ErrorCategory.InvalidResult, task,
        "Look at the container's logs. To take failed tasks as output without an error, add -IgnoreTaskFailure.");

    public static ErrorRecord Timeout(IReadOnlyList<WaitedTask> pending, TimeSpan waited, string target)
    {
        var listed = string.Join(", ", pending.Take(ListedTasks).Select(t => t.ToString()));
        var more = pending.Count > ListedTasks ? $" and {pending.Count - ListedTasks} more" : "";
        var message = $"Timed out after {Duration(waited)}: {pending.Count} task(s) are not {target} yet: {listed}{more}.";
        object target0 = pending.Select(t => (object?)t.Last ?? t.Reference).ToArray();
        return Create(new TimeoutException(message), ErrorIds.WaitTimeout, ErrorCategory.OperationTimeout, target0,
            "Wait longer with -Timeout (in seconds, or -1 for no limit), or look at the tasks with Get-EcsTask.");
    }

    public static ErrorRecord PollsFailed(EcsServiceException e, IReadOnlyList<WaitedTask> pending, int polls)
    {
        var record = ErrorRecords.FromService(e, pending.Select(t => (object?)t.Last ?? t.Reference).ToArray());
        record.ErrorDetails = new ErrorDetails(
            $"The wait stopped: DescribeTasks failed {polls} polls in a row. Last error: {record.ErrorDetails?.Message ?? e.Message}")
        {
            RecommendedAction = record.ErrorDetails?.RecommendedAction,
        };
        return record;
    }

    /// <summary>A task DescribeTasks does not know (a MISSING failure, or left out of the answer).</summary>
    public static ErrorRecord NotFound(string task, string? cluster, string operation)
    {
        var message = $"Task '{task}' was not found in cluster '{TaskTargets.Show(cluster)}' ({operation}).";
        return Create(new EcsFailureException(new EcsFailure(task, "MISSING", null), operation, message), ErrorIds.TaskNotFound,
            ErrorCategory.ObjectNotFound, task,
            "Check the task id and -Cluster (the cluster the task runs in). ECS keeps stopped tasks for about an hour.");
    }

    /// <summary>StopTask on a task ECS does not know: real ECS answers InvalidParameterException "The referenced task was not found".</summary>
    public static bool IsTaskNotFound(EcsServiceException e) =>
        e.Kind == EcsErrorKind.InvalidParameter && e.Message.Contains("task was not found", StringComparison.OrdinalIgnoreCase);

    public static ErrorRecord StopNotFound(EcsServiceException e, string task, string? cluster)
    {
        var record = ErrorRecords.FromService(e, task);
        return new ErrorRecord(e, ErrorIds.TaskNotFound, ErrorCategory.ObjectNotFound, task)
        {
            ErrorDetails = new ErrorDetails($"Task '{task}' was not found in cluster '{TaskTargets.Show(cluster)}'. {record.ErrorDetails?.Message}")
            {
                RecommendedAction = "Check the task id and -Cluster (the cluster the task runs in).",
            },
        };
    }

    /// <summary>"0.5 s" and "42.0 s" below a minute (a -Timeout of 0.5 is not "0:00"), "1:05" and "1:02:03" above.</summary>
    public static string Duration(TimeSpan value) => value.TotalHours >= 1
        ? value.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : value.TotalMinutes >= 1 ? value.ToString(@"m\:ss", CultureInfo.InvariantCulture)
        : (Math.Floor(value.TotalSeconds * 10) / 10).ToString("0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>"0.2 s", "30 s".</summary>
    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static string Name(EcsTask task) =>
        task.Family is null ? task.TaskId : $"{task.TaskId} ({task.Family}{(task.Revision is { } r ? ":" + r.ToString(CultureInfo.InvariantCulture) : "")})";

    /// <summary>"Stop code X; stopped reason: Y; containers: web exit code 1 (reason)."</summary>
    private static string Explain(EcsTask task)
    {
        var parts = new List<string> { $"Stop code: {task.StopCode ?? "none"}" };
        if (!string.IsNullOrEmpty(task.StoppedReason))
        {
            parts.Add($"stopped reason: {task.StoppedReason}");
        }

        var containers = task.Containers
            .Select(c => $"{c.Name} " + string.Join(", ", new[] { c.ExitCode is { } code ? $"exit code {code}" : "no exit code", c.Reason }.OfType<string>()))
            .ToArray();
        if (containers.Length > 0)
        {
            parts.Add("containers: " + string.Join("; ", containers));
        }

        return string.Join("; ", parts) + ".";
    }

    private static ErrorRecord Create(string message, string errorId, ErrorCategory category, EcsTask task, string action) =>
        Create(new EcsTaskFailedException(message, task), errorId, category, task, action);

    private static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target, string action) =>
        ErrorRecords.Create(exception, errorId, category, target, action);
}
