using System;
using System.Collections.Generic;
using System.Linq;
using EcsTools.Engine;
using EcsTools.Engine.Tasks;

namespace EcsTools.Mapping;

/// <summary>Maps the engine's task records to the module's output types.</summary>
internal static class EcsObjects
{
    /// <summary>The task as the task cmdlets output it (empty texts ECS sends for LaunchType, StartedBy and StoppedReason are null).</summary>
    public static EcsTask ToTask(TaskInfo task) => new()
    {
        TaskArn = task.TaskArn ?? "",
        ClusterArn = task.ClusterArn,
        TaskDefinitionArn = task.TaskDefinitionArn,
        LastStatus = task.LastStatus,
        DesiredStatus = task.DesiredStatus,
        LaunchType = string.IsNullOrEmpty(task.LaunchType) ? null : task.LaunchType,
        CapacityProviderName = task.CapacityProviderName,
        Group = task.Group,
        StartedBy = string.IsNullOrEmpty(task.StartedBy) ? null : task.StartedBy,
        CreatedAt = Local(task.CreatedAt),
        StartedAt = Local(task.StartedAt),
        StoppingAt = Local(task.StoppingAt),
        StoppedAt = Local(task.StoppedAt),
        StopCode = task.StopCode,
        StoppedReason = string.IsNullOrEmpty(task.StoppedReason) ? null : task.StoppedReason,
        Containers = new EcsList<EcsContainer>(task.Containers.Select(c =>
            new EcsContainer(c.Name, c.ContainerArn, c.Image, c.LastStatus, c.ExitCode, c.Reason, c.HealthStatus, c.RuntimeId))),
        PrivateIpAddress = task.PrivateIpAddress,
        Tags = new EcsList<EcsTag>(task.Tags.Select(t => new EcsTag(t.Key, t.Value))),
        Cpu = task.Cpu,
        Memory = task.Memory,
        AvailabilityZone = task.AvailabilityZone,
        ContainerInstanceArn = task.ContainerInstanceArn,
        HealthStatus = task.HealthStatus,
        Connectivity = task.Connectivity,
        PlatformVersion = task.PlatformVersion,
        Version = task.Version,
        EnableExecuteCommand = task.EnableExecuteCommand,
    };

    public static DateTime? Local(DateTimeOffset? value) => value?.LocalDateTime;
}
