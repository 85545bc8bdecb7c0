using System;
using System.Collections.Generic;

namespace EcsTools;

/// <summary>The values an <see cref="EcsTaskSet"/> is built from (kept apart so that the output type has no engine types).</summary>
internal sealed class EcsTaskSetData
{
    public string? Id { get; init; }

    public string? TaskSetArn { get; init; }

    public string? ServiceArn { get; init; }

    public string? ClusterArn { get; init; }

    public string? Status { get; init; }

    public string? StabilityStatus { get; init; }

    public string? TaskDefinitionArn { get; init; }

    public int? ComputedDesiredCount { get; init; }

    public int? PendingCount { get; init; }

    public int? RunningCount { get; init; }

    public double? Scale { get; init; }

    public string? LaunchType { get; init; }

    public IReadOnlyList<EcsCapacityProviderStrategyItem> CapacityProviderStrategy { get; init; } = [];

    public string? PlatformVersion { get; init; }

    public string? PlatformFamily { get; init; }

    public string? ExternalId { get; init; }

    public IReadOnlyList<EcsLoadBalancer> LoadBalancers { get; init; } = [];

    public IReadOnlyList<EcsServiceRegistry> ServiceRegistries { get; init; } = [];

    public EcsNetworkConfiguration? NetworkConfiguration { get; init; }

    public DateTime? CreatedAt { get; init; }

    public DateTime? UpdatedAt { get; init; }

    public DateTime? StabilityStatusAt { get; init; }

    public IReadOnlyList<EcsTag> Tags { get; init; } = [];
}
