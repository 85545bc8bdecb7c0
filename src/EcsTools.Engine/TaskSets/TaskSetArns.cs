using System;

namespace EcsTools.Engine.TaskSets;

/// <summary>
/// What a task set ARN names: arn:aws:ecs:region:account:task-set/cluster/service/ecs-svc/123 names its cluster, its
/// service and its id (ecs-svc/123). A bare id names neither cluster nor service.
/// </summary>
public static class TaskSetArns
{
    private const string Resource = ":task-set/";

    /// <summary>The cluster and service names in a task set ARN; false for an id or anything else.</summary>
    public static bool TryParse(string? taskSet, out string cluster, out string service)
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

    /// <summary>
    /// The cluster and service of a task set: those given when not blank, else those its ARN names. Null when one is
    /// still unknown (an id without -Cluster or -Service): nothing can be sent for it.
    /// </summary>
    public static TaskSetTarget? Resolve(string? cluster, string? service, string taskSet)
    {
        var fromArn = TryParse(taskSet, out var arnCluster, out var arnService);
        var resolvedCluster = !string.IsNullOrWhiteSpace(cluster) ? cluster : fromArn ? arnCluster : "";
        var resolvedService = !string.IsNullOrWhiteSpace(service) ? service : fromArn ? arnService : "";
        return resolvedCluster.Length > 0 && resolvedService.Length > 0 ? new TaskSetTarget(resolvedCluster, resolvedService, taskSet) : null;
    }

    /// <summary>The id in a task set ARN (everything after the service: ecs-svc/123); the last segment of anything else.</summary>
    public static string IdOf(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        var parts = arn.Split('/');
        if (parts.Length >= 5)
        {
            return string.Join('/', parts[3..]);
        }

        var slash = arn.LastIndexOf('/');
        return slash >= 0 ? arn[(slash + 1)..] : arn;
    }
}
