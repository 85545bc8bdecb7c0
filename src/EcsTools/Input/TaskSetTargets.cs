using System;
using System.Management.Automation;
using EcsTools.Engine.TaskSets;
using EcsTools.Errors;
using EcsTools.Input;

namespace EcsTools.Input;

/// <summary>
/// The error for a task set whose cluster and service are not known (-Cluster and -Service not given, and an id, which
/// names neither, where the engine's <see cref="Engine.TaskSets.TaskSetArns.Resolve"/> reads them from an ARN).
/// </summary>
internal static class TaskSetTargets
{
    /// <summary>The error for a task set whose cluster or service is not known: nothing is sent for it.</summary>
    public static ErrorRecord Unresolved(string? taskSet, string? cluster, string? service)
    {
        var missing = string.IsNullOrWhiteSpace(cluster) && string.IsNullOrWhiteSpace(service) ? "-Cluster and -Service"
            : string.IsNullOrWhiteSpace(cluster) ? "-Cluster" : "-Service";
        var verb = missing.Contains(" and ", StringComparison.Ordinal) ? "are" : "is";
        var message = InputMessages.ClusterAndServiceRequired(missing, verb, taskSet);
        return ErrorRecords.FromInput(new InputValidationException(ErrorIds.ClusterAndServiceRequired, message,
            InputMessages.ClusterAndServiceRequiredAction(missing),
            taskSet));
    }
}
