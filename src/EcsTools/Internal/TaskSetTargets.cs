using System;
using System.Management.Automation;

namespace EcsTools.Internal;

/// <summary>
/// The cluster and service of a task set given by a user: -Cluster and -Service when given, else those its ARN names
/// (arn:aws:ecs:region:account:task-set/cluster/service/ecs-svc/123). A bare id names neither.
/// </summary>
internal static class TaskSetTargets
{
    private const string Resource = ":task-set/";

    /// <summary>The cluster and service names in a task set ARN; false for an id or anything else.</summary>
    public static bool TryParseArn(string? taskSet, out string cluster, out string service)
    {
        cluster = service = "";
        if (taskSet is null || !taskSet.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        var start = taskSet.IndexOf(Resource, StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }

        var parts = taskSet[(start + Resource.Length)..].Split('/');
        if (parts.Length < 3 || parts[0].Length == 0 || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return false;
        }

        (cluster, service) = (parts[0], parts[1]);
        return true;
    }

    /// <summary>-Cluster and -Service, each from the task set ARN when not given; false when one is still unknown.</summary>
    public static bool TryResolve(string? cluster, string? service, string? taskSet, out string resolvedCluster, out string resolvedService)
    {
        var fromArn = TryParseArn(taskSet, out var arnCluster, out var arnService);
        resolvedCluster = !string.IsNullOrWhiteSpace(cluster) ? cluster : fromArn ? arnCluster : "";
        resolvedService = !string.IsNullOrWhiteSpace(service) ? service : fromArn ? arnService : "";
        return resolvedCluster.Length > 0 && resolvedService.Length > 0;
    }

    /// <summary>The error for a task set whose cluster or service is not known: nothing is sent for it.</summary>
    public static ErrorRecord Unresolved(string? taskSet, string? cluster, string? service)
    {
        var missing = string.IsNullOrWhiteSpace(cluster) && string.IsNullOrWhiteSpace(service) ? "-Cluster and -Service"
            : string.IsNullOrWhiteSpace(cluster) ? "-Cluster" : "-Service";
        var verb = missing.Contains(" and ", StringComparison.Ordinal) ? "are" : "is";
        var message = string.IsNullOrWhiteSpace(taskSet)
            ? $"{missing} {verb} needed: they name the service whose task sets to get."
            : $"{missing} {verb} needed for task set '{taskSet}': an id does not name its cluster and service, as a task set ARN does.";
        return ErrorRecords.Create(new ArgumentException(message), "ClusterAndServiceRequired", ErrorCategory.InvalidArgument, taskSet,
            $"Pass {missing}, or the task set's ARN (task-set/cluster/service/id), or pipe in the task set object (it has ClusterArn, ServiceArn and TaskSetArn).");
    }
}
