using System;
using System.Collections.Generic;
using System.Linq;
using EcsTools.Engine.Model;

namespace EcsTools.Internal;

/// <summary>Maps the engine's wire shapes to the module's output types.</summary>
internal static class EcsObjects
{
    public static EcsTask ToTask(TaskData task) => new(new EcsTaskData
    {
        TaskArn = task.TaskArn,
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
        Containers = task.Containers?.Select(ToContainer).ToArray() ?? [],
        PrivateIpAddress = PrivateIp(task.Attachments),
        Tags = ToTags(task.Tags),
        Cpu = task.Cpu,
        Memory = task.Memory,
        AvailabilityZone = task.AvailabilityZone,
        ContainerInstanceArn = task.ContainerInstanceArn,
        HealthStatus = task.HealthStatus,
        Connectivity = task.Connectivity,
        PlatformVersion = task.PlatformVersion,
        Version = task.Version,
        EnableExecuteCommand = task.EnableExecuteCommand,
    });

    public static IReadOnlyList<EcsTag> ToTags(List<Tag>? tags) =>
        tags?.Select(t => new EcsTag(t.Key ?? "", t.Value ?? "")).ToArray() ?? [];

    public static DateTime? Local(DateTimeOffset? value) => value?.LocalDateTime;

    private static EcsContainer ToContainer(Container c) =>
        new(c.Name, c.ContainerArn, c.Image, c.LastStatus, c.ExitCode, c.Reason, c.HealthStatus, c.RuntimeId);

    private static string? PrivateIp(List<Attachment>? attachments) =>
        attachments?
            .Where(a => string.Equals(a.Type, "ElasticNetworkInterface", StringComparison.OrdinalIgnoreCase) || a.Type == "eni")
            .SelectMany(a => a.Details ?? [])
            .FirstOrDefault(d => string.Equals(d.Name, "privateIPv4Address", StringComparison.OrdinalIgnoreCase))?.Value;
}
