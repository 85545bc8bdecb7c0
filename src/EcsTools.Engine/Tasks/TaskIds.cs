using System;

namespace EcsTools.Engine.Tasks;

/// <summary>Task ids and ARNs: <c>arn:aws:ecs:REGION:ACCOUNT:task/CLUSTER/ID</c> (long format), <c>…:task/ID</c> (old format), or the bare ID.</summary>
public static class TaskIds
{
    /// <summary>The task id: the last path segment of an ARN, or the value itself.</summary>
    public static string IdOf(string taskOrArn)
    {
        ArgumentNullException.ThrowIfNull(taskOrArn);
        var slash = taskOrArn.LastIndexOf('/');
        return slash >= 0 ? taskOrArn[(slash + 1)..] : taskOrArn;
    }

    /// <summary>The cluster name in a long-format task ARN; null for an id or an old-format ARN.</summary>
    public static string? ClusterOf(string taskOrArn)
    {
        ArgumentNullException.ThrowIfNull(taskOrArn);
        if (!taskOrArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var resource = taskOrArn.IndexOf(":task/", StringComparison.Ordinal);
        if (resource < 0)
        {
            return null;
        }

        var path = taskOrArn[(resource + ":task/".Length)..];
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? path[..slash] : null;
    }

    /// <summary>True when a task id or ARN given by a user names the task with this ARN (ids are compared, so old and long ARN formats match).</summary>
    public static bool Matches(string asked, string? taskArn) =>
        taskArn is not null && string.Equals(IdOf(asked), IdOf(taskArn), StringComparison.Ordinal);
}
