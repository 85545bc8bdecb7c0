using System;
using EcsTools.Engine;
using EcsTools.Engine.Tasks;

namespace EcsTools.Input;

/// <summary>Which cluster a task given by a user is in, and keys that group tasks by cluster.</summary>
internal static class TaskTargets
{
    /// <summary>
    /// -Cluster when given, else the cluster named in a long-format task ARN, else null (the default cluster). A -Cluster
    /// that only comes from $PSDefaultParameterValues (<paramref name="clusterIsDefault"/>) gives way to the cluster a task
    /// ARN names: PowerShell binds the session default before the pipeline, so a piped task's own ClusterArn never gets
    /// the chance to.
    /// </summary>
    public static string? ClusterFor(string? cluster, string task, bool clusterIsDefault = false) =>
        string.IsNullOrWhiteSpace(cluster) || (clusterIsDefault && TaskIds.ClusterOf(task) is not null) ? TaskIds.ClusterOf(task) : cluster;

    /// <summary>A cluster name or ARN as a key: "demo" and "arn:aws:ecs:…:cluster/demo" are the same cluster; "" is the default cluster.</summary>
    public static string ClusterKey(string? cluster)
    {
        if (string.IsNullOrWhiteSpace(cluster))
        {
            return "";
        }

        if (!cluster.StartsWith("arn:", StringComparison.Ordinal))
        {
            return cluster;
        }

        var slash = cluster.LastIndexOf('/');
        return slash >= 0 ? cluster[(slash + 1)..] : cluster;
    }

    /// <summary>The cluster as shown in messages.</summary>
    public static string Show(string? cluster) => string.IsNullOrWhiteSpace(cluster) ? "default" : ClusterKey(cluster);
}
