using System;
using System.Collections.Generic;

namespace EcsTools;

/// <summary>The values an <see cref="EcsTask"/> is built from (kept apart so that the output type has no engine types).</summary>
internal sealed class EcsTaskData
{
    public string? TaskArn { get; init; }

    public string? ClusterArn { get; init; }

    public string? TaskDefinitionArn { get; init; }

    public string? LastStatus { get; init; }

    public string? DesiredStatus { get; init; }

    public string? LaunchType { get; init; }

    public string? CapacityProviderName { get; init; }

    public string? Group { get; init; }

    public string? StartedBy { get; init; }

    public DateTime? CreatedAt { get; init; }

    public DateTime? StartedAt { get; init; }

    public DateTime? StoppingAt { get; init; }

    public DateTime? StoppedAt { get; init; }

    public string? StopCode { get; init; }

    public string? StoppedReason { get; init; }

    public IReadOnlyList<EcsContainer> Containers { get; init; } = [];

    public string? PrivateIpAddress { get; init; }

    public IReadOnlyList<EcsTag> Tags { get; init; } = [];

    public string? Cpu { get; init; }

    public string? Memory { get; init; }

    public string? AvailabilityZone { get; init; }

    public string? ContainerInstanceArn { get; init; }

    public string? HealthStatus { get; init; }

    public string? Connectivity { get; init; }

    public string? PlatformVersion { get; init; }

    public long? Version { get; init; }

    public bool? EnableExecuteCommand { get; init; }
}
