using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using EcsTools.Engine;
using EcsTools.Mapping;

namespace EcsTools.Errors;

/// <summary>The error records of the task set cmdlets that do not come from an ECS error code.</summary>
internal static class TaskSetErrors
{
    /// <summary>A task set asked for that ECS did not return (a failures entry with reason MISSING, or, as moto does, no entry at all).</summary>
    public static ErrorRecord NotFound(string taskSet, string cluster, string service, string operation, string? detail = null)
    {
        var failure = new EcsFailure(taskSet, "MISSING", detail);
        var message = $"Task set '{taskSet}' was not found in service '{Arns.LastSegment(service)}' of cluster '{Arns.LastSegment(cluster)}'"
            + (string.IsNullOrEmpty(detail) ? "." : $" ({detail}).");
        return ErrorRecords.Create(new EcsFailureException(failure, operation, message), ErrorIds.TaskSetNotFound, ErrorCategory.ObjectNotFound, taskSet,
            $"Check the task set id or ARN: Get-EcsTaskSet -Cluster {Arns.LastSegment(cluster)} -Service {Arns.LastSegment(service)} lists them.");
    }

    /// <summary>The task set did not reach STEADY_STATE before -Timeout ran out.</summary>
    public static ErrorRecord WaitTimeout(EcsTaskSet last, TimeSpan timeout)
    {
        var message = $"Task set {last.Id} of service '{last.ServiceName}' (cluster '{last.ClusterName}') did not reach STEADY_STATE within "
            + $"{Format(timeout)}: it was last {Counts(last)}.";
        return ErrorRecords.Create(new TimeoutException(message), ErrorIds.WaitTimeout, ErrorCategory.OperationTimeout, last,
            "Wait longer with -Timeout, or find out why its tasks do not start or stay unhealthy: the service's events, "
            + "the stopped reasons of its tasks (Get-EcsTask), and the target group's health checks.");
    }

    /// <summary>The wait stopped because DescribeTaskSets failed too many polls in a row (the budget all waits share).</summary>
    public static ErrorRecord PollsFailed(EcsServiceException e, EcsTaskSet last, int polls)
    {
        var record = ErrorRecords.FromService(e, last);
        record.ErrorDetails = new ErrorDetails(
            $"The wait stopped: DescribeTaskSets failed {polls} polls in a row. Last error: {record.ErrorDetails?.Message ?? e.Message}")
        {
            RecommendedAction = record.ErrorDetails?.RecommendedAction,
        };
        return record;
    }

    /// <summary>The fix for an InvalidParameterException of a task set operation, after what ECS rejected.</summary>
    public static string InvalidParameterAction(string operation, string message)
    {
        if (message.Contains("deployment controller", StringComparison.OrdinalIgnoreCase))
        {
            return "Task sets work only in services whose deployment controller is EXTERNAL: check the service's deploymentController "
                + "(aws ecs describe-services), or create the service with --deployment-controller type=EXTERNAL.";
        }

        if (IsNotScaledDown(operation, EcsErrorKind.InvalidParameter, message))
        {
            return "Scale the task set down to 0 first (Set-EcsTaskSet -Scale 0, then wait for its tasks to stop), or add -IgnoreScale "
                + "to delete it anyway: its tasks are stopped.";
        }

        return "Read the message: ECS names the parameter it rejected.";
    }

    /// <summary>ECS refused to delete a task set that still has a scale or tasks (DeleteTaskSet without force).</summary>
    public static bool IsNotScaledDown(string operation, EcsErrorKind kind, string message) =>
        kind == EcsErrorKind.InvalidParameter && operation == "DeleteTaskSet"
        && (message.Contains("scale", StringComparison.OrdinalIgnoreCase) || message.Contains("force", StringComparison.OrdinalIgnoreCase));

    /// <summary>"STABILIZING with 1 running, 2 pending, 4 desired" (counts ECS did not send are left out).</summary>
    public static string Counts(EcsTaskSet set)
    {
        var status = set.StabilityStatus ?? "of unknown stability";
        if (set.RunningCount is null && set.PendingCount is null && set.ComputedDesiredCount is null)
        {
            return status;
        }

        return $"{status} with {Count(set.RunningCount)} running, {Count(set.PendingCount)} pending, {Count(set.ComputedDesiredCount)} desired";
    }

    /// <summary>"0.5 s", "45 s", "10 min", "1 h 2 min 3 s".</summary>
    public static string Format(TimeSpan span)
    {
        if (span.TotalSeconds < 60)
        {
            return span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
        }

        var parts = new List<string>();
        if ((int)span.TotalHours > 0)
        {
            parts.Add(((int)span.TotalHours).ToString(CultureInfo.InvariantCulture) + " h");
        }

        if (span.Minutes > 0)
        {
            parts.Add(span.Minutes.ToString(CultureInfo.InvariantCulture) + " min");
        }

        if (span.Seconds > 0)
        {
            parts.Add(span.Seconds.ToString(CultureInfo.InvariantCulture) + " s");
        }

        return string.Join(' ', parts);
    }

    private static string Count(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
