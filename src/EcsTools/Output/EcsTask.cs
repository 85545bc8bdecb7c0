using System;
using System.Collections.Generic;
using System.Linq;
using EcsTools.Mapping;

namespace EcsTools;

/// <summary>An ECS task, as Start-EcsTask and the other task cmdlets output it. ToString() is the task ARN.</summary>
/// <remarks>Built by <see cref="EcsTools.Mapping.EcsObjects.ToTask"/> from the engine's task view (one copy); read-only to scripts.</remarks>
public sealed class EcsTask
{
    internal EcsTask()
    {
    }

    public string TaskArn { get; internal init; } = "";

    public string TaskId => Arns.LastSegment(TaskArn);

    public string? ClusterArn { get; internal init; }

    public string? ClusterName => Arns.LastSegment(ClusterArn);

    public string? TaskDefinitionArn { get; internal init; }

    public string? Family => Arns.FamilyAndRevision(TaskDefinitionArn).Family;

    public int? Revision => Arns.FamilyAndRevision(TaskDefinitionArn).Revision;

    /// <summary>PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED (or a newer state).</summary>
    public string? LastStatus { get; internal init; }

    public string? DesiredStatus { get; internal init; }

    public string? LaunchType { get; internal init; }

    public string? CapacityProviderName { get; internal init; }

    public string? Group { get; internal init; }

    public string? StartedBy { get; internal init; }

    public DateTime? CreatedAt { get; internal init; }

    public DateTime? StartedAt { get; internal init; }

    public DateTime? StoppingAt { get; internal init; }

    public DateTime? StoppedAt { get; internal init; }

    public string? StopCode { get; internal init; }

    public string? StoppedReason { get; internal init; }

    /// <summary>The containers; as a string (Export-Csv), "name (STATUS, exit N)" items joined with "; ".</summary>
    public IReadOnlyList<EcsContainer> Containers { get; internal init; } = new EcsList<EcsContainer>([]);

    /// <summary>The exit codes of the containers that have one, as name=code pairs.</summary>
    public string ExitCodes => string.Join(", ", Containers.Where(c => c.ExitCode is not null).Select(c => $"{c.Name}={c.ExitCode}"));

    /// <summary>The private IPv4 address of the task's elastic network interface (awsvpc tasks).</summary>
    public string? PrivateIpAddress { get; internal init; }

    public IReadOnlyList<EcsTag> Tags { get; internal init; } = new EcsList<EcsTag>([]);

    public string? Cpu { get; internal init; }

    public string? Memory { get; internal init; }

    public string? AvailabilityZone { get; internal init; }

    public string? ContainerInstanceArn { get; internal init; }

    public string? HealthStatus { get; internal init; }

    public string? Connectivity { get; internal init; }

    public string? PlatformVersion { get; internal init; }

    public long? Version { get; internal init; }

    public bool? EnableExecuteCommand { get; internal init; }

    public override string ToString() => TaskArn;
}
