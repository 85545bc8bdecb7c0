namespace EcsTools.Engine.Tasks;

/// <summary>
/// The tasks of a cluster to list, by ListTasks's filters. ECS takes <see cref="StartedBy"/> only on its own. Without a
/// <see cref="DesiredStatus"/>, RUNNING (as ECS does; said on the wire, except with startedBy).
/// </summary>
public sealed record TaskQuery
{
    public string? Cluster { get; init; }

    public string? Family { get; init; }

    public string? Service { get; init; }

    public string? StartedBy { get; init; }

    public string? ContainerInstance { get; init; }

    public string? LaunchType { get; init; }

    public string? DesiredStatus { get; init; }

    /// <summary>Describe the tasks with their tags.</summary>
    public bool IncludeTags { get; init; }
}
