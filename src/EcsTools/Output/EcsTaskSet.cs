using System;
using System.Collections.Generic;
using System.Linq;
using EcsTools.Engine.TaskSets;
using EcsTools.Mapping;

namespace EcsTools;

/// <summary>
/// A task set of a service with the EXTERNAL deployment controller, as New-, Get-, Set- and Remove-EcsTaskSet output
/// it. Its ClusterArn, ServiceArn and TaskSetArn bind to the -Cluster, -Service and -TaskSet parameters of the task
/// set cmdlets. ToString() is the task set ARN.
/// </summary>
public sealed class EcsTaskSet
{
    /// <summary>Made from the engine's record, in one copy (the module maps; the engine's types stay off the public surface).</summary>
    internal EcsTaskSet(TaskSetState state)
    {
        TaskSetArn = state.TaskSetArn ?? "";
        Id = string.IsNullOrEmpty(state.Id) ? TaskSetArns.IdOf(TaskSetArn) : state.Id;
        ServiceArn = state.ServiceArn;
        ClusterArn = state.ClusterArn;
        ServiceName = Arns.LastSegment(state.ServiceArn);
        ClusterName = Arns.LastSegment(state.ClusterArn);
        Status = state.Status;
        StabilityStatus = state.StabilityStatus;
        TaskDefinitionArn = state.TaskDefinition;
        ComputedDesiredCount = state.ComputedDesiredCount;
        PendingCount = state.PendingCount;
        RunningCount = state.RunningCount;
        Scale = state.Scale;
        LaunchType = state.LaunchType;
        CapacityProviderStrategy = new EcsList<EcsCapacityProviderStrategyItem>(
            state.CapacityProviderStrategy.Select(i => new EcsCapacityProviderStrategyItem(i.CapacityProvider, i.Weight, i.Base)).ToArray());
        PlatformVersion = state.PlatformVersion;
        PlatformFamily = state.PlatformFamily;
        ExternalId = state.ExternalId;
        LoadBalancers = new EcsList<EcsLoadBalancer>(
            state.LoadBalancers.Select(b => new EcsLoadBalancer(b.TargetGroupArn, b.LoadBalancerName, b.ContainerName, b.ContainerPort)).ToArray());
        ServiceRegistries = new EcsList<EcsServiceRegistry>(
            state.ServiceRegistries.Select(r => new EcsServiceRegistry(r.RegistryArn, r.Port, r.ContainerName, r.ContainerPort)).ToArray());
        NetworkConfiguration = state.Network is { } vpc ? new EcsNetworkConfiguration(vpc.Subnets, vpc.SecurityGroups, vpc.AssignPublicIp) : null;
        CreatedAt = state.CreatedAt?.LocalDateTime;
        UpdatedAt = state.UpdatedAt?.LocalDateTime;
        StabilityStatusAt = state.StabilityStatusAt?.LocalDateTime;
        Tags = new EcsList<EcsTag>(state.Tags.Select(t => new EcsTag(t.Key, t.Value)).ToArray());
    }

    /// <summary>The task set id, e.g. ecs-svc/1234567890123456789.</summary>
    public string Id { get; }

    public string TaskSetArn { get; }

    public string? ServiceArn { get; }

    public string? ClusterArn { get; }

    /// <summary>The service name, from <see cref="ServiceArn"/>.</summary>
    public string ServiceName { get; }

    /// <summary>The cluster name, from <see cref="ClusterArn"/>.</summary>
    public string ClusterName { get; }

    /// <summary>PRIMARY (serves production traffic), ACTIVE (does not), or DRAINING (its tasks are being stopped).</summary>
    public string? Status { get; }

    /// <summary>STEADY_STATE or STABILIZING.</summary>
    public string? StabilityStatus { get; }

    public string? TaskDefinitionArn { get; }

    /// <summary>The service's desired count times <see cref="Scale"/>, rounded up.</summary>
    public int? ComputedDesiredCount { get; }

    public int? PendingCount { get; }

    public int? RunningCount { get; }

    /// <summary>The percentage of the service's desired count this task set runs (0 to 100).</summary>
    public double? Scale { get; }

    public string? LaunchType { get; }

    public IReadOnlyList<EcsCapacityProviderStrategyItem> CapacityProviderStrategy { get; }

    public string? PlatformVersion { get; }

    public string? PlatformFamily { get; }

    /// <summary>An identifier of the task set in an external system (for example a deployment id).</summary>
    public string? ExternalId { get; }

    public IReadOnlyList<EcsLoadBalancer> LoadBalancers { get; }

    public IReadOnlyList<EcsServiceRegistry> ServiceRegistries { get; }

    public EcsNetworkConfiguration? NetworkConfiguration { get; }

    public DateTime? CreatedAt { get; }

    public DateTime? UpdatedAt { get; }

    /// <summary>When ECS last worked out <see cref="StabilityStatus"/>.</summary>
    public DateTime? StabilityStatusAt { get; }

    public IReadOnlyList<EcsTag> Tags { get; }

    public override string ToString() => TaskSetArn;
}
