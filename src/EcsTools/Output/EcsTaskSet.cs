using System;
using System.Collections.Generic;

namespace EcsTools;

/// <summary>
/// A task set of a service with the EXTERNAL deployment controller, as New-, Get-, Set- and Remove-EcsTaskSet output
/// it. Its ClusterArn, ServiceArn and TaskSetArn bind to the -Cluster, -Service and -TaskSet parameters of the task
/// set cmdlets. ToString() is the task set ARN.
/// </summary>
public sealed class EcsTaskSet
{
    internal EcsTaskSet(EcsTaskSetData data)
    {
        TaskSetArn = data.TaskSetArn ?? "";
        Id = string.IsNullOrEmpty(data.Id) ? IdFromArn(TaskSetArn) : data.Id;
        ServiceArn = data.ServiceArn;
        ClusterArn = data.ClusterArn;
        ServiceName = Arns.LastSegment(data.ServiceArn);
        ClusterName = Arns.LastSegment(data.ClusterArn);
        Status = data.Status;
        StabilityStatus = data.StabilityStatus;
        TaskDefinitionArn = data.TaskDefinitionArn;
        ComputedDesiredCount = data.ComputedDesiredCount;
        PendingCount = data.PendingCount;
        RunningCount = data.RunningCount;
        Scale = data.Scale;
        LaunchType = data.LaunchType;
        CapacityProviderStrategy = new EcsList<EcsCapacityProviderStrategyItem>(data.CapacityProviderStrategy);
        PlatformVersion = data.PlatformVersion;
        PlatformFamily = data.PlatformFamily;
        ExternalId = data.ExternalId;
        LoadBalancers = new EcsList<EcsLoadBalancer>(data.LoadBalancers);
        ServiceRegistries = new EcsList<EcsServiceRegistry>(data.ServiceRegistries);
        NetworkConfiguration = data.NetworkConfiguration;
        CreatedAt = data.CreatedAt;
        UpdatedAt = data.UpdatedAt;
        StabilityStatusAt = data.StabilityStatusAt;
        Tags = new EcsList<EcsTag>(data.Tags);
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

    // arn:aws:ecs:us-east-1:123456789012:task-set/cluster/service/ecs-svc/123 -> ecs-svc/123
    private static string IdFromArn(string arn)
    {
        var parts = arn.Split('/');
        return parts.Length >= 5 ? string.Join('/', parts[3..]) : Arns.LastSegment(arn);
    }
}
