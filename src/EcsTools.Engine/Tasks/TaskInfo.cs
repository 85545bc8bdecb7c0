using System;
using System.Collections.Generic;
using System.Linq;
using EcsTools.Engine.Model;

namespace EcsTools.Engine.Tasks;

/// <summary>An ECS task as ECS described it (a read-only view of the answer: nothing is copied until the caller maps it).</summary>
public sealed class TaskInfo
{
    private readonly TaskData _task;

    internal TaskInfo(TaskData task) => _task = task;

    /// <summary>The answer it views.</summary>
    internal TaskData Data => _task;

    public string? TaskArn => _task.TaskArn;

    public string? ClusterArn => _task.ClusterArn;

    public string? TaskDefinitionArn => _task.TaskDefinitionArn;

    public string? LastStatus => _task.LastStatus;

    public string? DesiredStatus => _task.DesiredStatus;

    public string? LaunchType => _task.LaunchType;

    public string? CapacityProviderName => _task.CapacityProviderName;

    public string? Group => _task.Group;

    public string? StartedBy => _task.StartedBy;

    public DateTimeOffset? CreatedAt => _task.CreatedAt;

    public DateTimeOffset? StartedAt => _task.StartedAt;

    public DateTimeOffset? StoppingAt => _task.StoppingAt;

    public DateTimeOffset? StoppedAt => _task.StoppedAt;

    public string? StopCode => _task.StopCode;

    public string? StoppedReason => _task.StoppedReason;

    public IEnumerable<ContainerInfo> Containers => _task.Containers?.Select(c => new ContainerInfo(c)) ?? [];

    /// <summary>The private IPv4 address of the task's elastic network interface (awsvpc tasks).</summary>
    public string? PrivateIpAddress =>
        _task.Attachments?
            .Where(a => string.Equals(a.Type, "ElasticNetworkInterface", StringComparison.OrdinalIgnoreCase) || a.Type == "eni")
            .SelectMany(a => a.Details ?? [])
            .FirstOrDefault(d => string.Equals(d.Name, "privateIPv4Address", StringComparison.OrdinalIgnoreCase))?.Value;

    public IEnumerable<ResourceTag> Tags => _task.Tags?.Select(t => new ResourceTag(t.Key ?? "", t.Value ?? "")) ?? [];

    public string? Cpu => _task.Cpu;

    public string? Memory => _task.Memory;

    public string? AvailabilityZone => _task.AvailabilityZone;

    public string? ContainerInstanceArn => _task.ContainerInstanceArn;

    public string? HealthStatus => _task.HealthStatus;

    public string? Connectivity => _task.Connectivity;

    public string? PlatformVersion => _task.PlatformVersion;

    public long? Version => _task.Version;

    public bool? EnableExecuteCommand => _task.EnableExecuteCommand;

    internal static IReadOnlyList<TaskInfo> Of(IEnumerable<TaskData>? tasks) => tasks?.Select(t => new TaskInfo(t)).ToArray() ?? [];
}
