namespace EcsTools.Engine.Tasks;

/// <summary>Stop a task (id or ARN) of a cluster (null: the default, or the cluster of a task ARN), with the reason shown as its stopped reason.</summary>
public sealed record TaskStopRequest(string Task, string? Cluster, string? Reason = null)
{
    /// <summary>The most characters ECS takes in a stop reason.</summary>
    public const int MaxReasonLength = 255;
}
