using System;
using System.Collections.Generic;
using System.Linq;

namespace EcsTools;

/// <summary>An ECS task, as Start-EcsTask and the other task cmdlets output it. ToString() is the task ARN.</summary>
public sealed class EcsTask
{
    internal EcsTask(EcsTaskData data)
    {
        TaskArn = data.TaskArn ?? "";
        TaskId = Arns.LastSegment(TaskArn);
        ClusterArn = data.ClusterArn;
        ClusterName = Arns.LastSegment(data.ClusterArn);
        TaskDefinitionArn = data.TaskDefinitionArn;
        (Family, Revision) = Arns.FamilyAndRevision(data.TaskDefinitionArn);
        LastStatus = data.LastStatus;
        DesiredStatus = data.DesiredStatus;
        LaunchType = data.LaunchType;
        CapacityProviderName = data.CapacityProviderName;
        Group = data.Group;
        StartedBy = data.StartedBy;
        CreatedAt = data.CreatedAt;
        StartedAt = data.StartedAt;
        StoppingAt = data.StoppingAt;
        StoppedAt = data.StoppedAt;
        StopCode = data.StopCode;
        StoppedReason = data.StoppedReason;
        Containers = new EcsList<EcsContainer>(data.Containers);
        PrivateIpAddress = data.PrivateIpAddress;
        Tags = new EcsList<EcsTag>(data.Tags);
        Cpu = data.Cpu;
        Memory = data.Memory;
        AvailabilityZone = data.AvailabilityZone;
        ContainerInstanceArn = data.ContainerInstanceArn;
        HealthStatus = data.HealthStatus;
        Connectivity = data.Connectivity;
        PlatformVersion = data.PlatformVersion;
        Version = data.Version;
        EnableExecuteCommand = data.EnableExecuteCommand;
    }

    public string TaskArn { get; }

    public string TaskId { get; }

    public string? ClusterArn { get; }

    public string? ClusterName { get; }

    public string? TaskDefinitionArn { get; }

    public string? Family { get; }

    public int? Revision { get; }

    /// <summary>PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED (or a newer state).</summary>
    public string? LastStatus { get; }

    public string? DesiredStatus { get; }

    public string? LaunchType { get; }

    public string? CapacityProviderName { get; }

    public string? Group { get; }

    public string? StartedBy { get; }

    public DateTime? CreatedAt { get; }

    public DateTime? StartedAt { get; }

    public DateTime? StoppingAt { get; }

    public DateTime? StoppedAt { get; }

    public string? StopCode { get; }

    public string? StoppedReason { get; }

    /// <summary>The containers; as a string (Export-Csv), "name (STATUS, exit N)" items joined with "; ".</summary>
    public IReadOnlyList<EcsContainer> Containers { get; }

    /// <summary>The exit codes of the containers that have one, as name=code pairs.</summary>
    public string ExitCodes => string.Join(", ", Containers.Where(c => c.ExitCode is not null).Select(c => $"{c.Name}={c.ExitCode}"));

    /// <summary>The private IPv4 address of the task's elastic network interface (awsvpc tasks).</summary>
    public string? PrivateIpAddress { get; }

    public IReadOnlyList<EcsTag> Tags { get; }

    public string? Cpu { get; }

    public string? Memory { get; }

    public string? AvailabilityZone { get; }

    public string? ContainerInstanceArn { get; }

    public string? HealthStatus { get; }

    public string? Connectivity { get; }

    public string? PlatformVersion { get; }

    public long? Version { get; }

    public bool? EnableExecuteCommand { get; }

    public override string ToString() => TaskArn;
}
