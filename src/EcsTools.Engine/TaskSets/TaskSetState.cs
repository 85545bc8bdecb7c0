using System;
using System.Collections.Generic;
using System.Linq;
using EcsTools.Engine.Model;
using EcsTools.Engine.Tasks;

namespace EcsTools.Engine.TaskSets;

/// <summary>A task set as ECS last reported it. Members ECS left out (or, as moto does, sent empty) are null or empty.</summary>
public sealed record TaskSetState
{
    /// <summary>The task set id, e.g. ecs-svc/1234567890123456789 (ECS may leave it out: see <see cref="TaskSetArns.IdOf"/>).</summary>
    public string? Id { get; init; }

    public string? TaskSetArn { get; init; }

    public string? ServiceArn { get; init; }

    public string? ClusterArn { get; init; }

    /// <summary>PRIMARY, ACTIVE or DRAINING.</summary>
    public string? Status { get; init; }

    /// <summary>STEADY_STATE or STABILIZING.</summary>
    public string? StabilityStatus { get; init; }

    /// <summary>The task definition ARN.</summary>
    public string? TaskDefinition { get; init; }

    public int? ComputedDesiredCount { get; init; }

    public int? PendingCount { get; init; }

    public int? RunningCount { get; init; }

    /// <summary>The percentage of the service's desired count (ECS's only unit).</summary>
    public double? Scale { get; init; }

    public string? LaunchType { get; init; }

    public IReadOnlyList<CapacityProviderShare> CapacityProviderStrategy { get; init; } = [];

    public string? PlatformVersion { get; init; }

    public string? PlatformFamily { get; init; }

    public string? ExternalId { get; init; }

    public IReadOnlyList<TaskSetLoadBalancer> LoadBalancers { get; init; } = [];

    public IReadOnlyList<TaskSetServiceRegistry> ServiceRegistries { get; init; } = [];

    public TaskSetNetwork? Network { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? StabilityStatusAt { get; init; }

    /// <summary>The tags, in the order ECS sent them.</summary>
    public IReadOnlyList<ResourceTag> Tags { get; init; } = [];

    /// <summary>
    /// Whether the task set has settled: STEADY_STATE, and, when ECS reports the counts, as many tasks running as it
    /// wants with none pending (the definition of STEADY_STATE, checked again in case the status is a step behind).
    /// </summary>
    public bool IsSteady =>
        string.Equals(StabilityStatus, "STEADY_STATE", StringComparison.Ordinal)
        && (ComputedDesiredCount is not { } desired || RunningCount is not { } running || running == desired)
        && PendingCount is null or 0;

    internal static TaskSetState From(TaskSet set) => new()
    {
        Id = set.Id,
        TaskSetArn = set.TaskSetArn,
        ServiceArn = set.ServiceArn,
        ClusterArn = set.ClusterArn,
        Status = set.Status,
        StabilityStatus = set.StabilityStatus,
        TaskDefinition = set.TaskDefinition,
        ComputedDesiredCount = set.ComputedDesiredCount,
        PendingCount = set.PendingCount,
        RunningCount = set.RunningCount,
        Scale = set.Scale?.Value,
        LaunchType = Blank(set.LaunchType),
        CapacityProviderStrategy = set.CapacityProviderStrategy?
            .Select(i => new CapacityProviderShare(i.CapacityProvider ?? "", i.Weight, i.Base)).ToArray() ?? [],
        PlatformVersion = Blank(set.PlatformVersion),
        PlatformFamily = Blank(set.PlatformFamily),
        ExternalId = Blank(set.ExternalId),
        LoadBalancers = set.LoadBalancers?.Select(b => new TaskSetLoadBalancer(b.TargetGroupArn, b.LoadBalancerName, b.ContainerName, b.ContainerPort,
            b.AdvancedConfiguration is { } a ? new TaskSetLoadBalancerRouting(a.AlternateTargetGroupArn, a.ProductionListenerRule, a.TestListenerRule, a.RoleArn) : null))
            .ToArray() ?? [],
        ServiceRegistries = set.ServiceRegistries?
            .Select(r => new TaskSetServiceRegistry(r.RegistryArn, r.Port, r.ContainerName, r.ContainerPort)).ToArray() ?? [],
        Network = set.NetworkConfiguration?.AwsvpcConfiguration is { } vpc
            ? new TaskSetNetwork(vpc.Subnets?.ToArray() ?? [], vpc.SecurityGroups?.ToArray() ?? [], vpc.AssignPublicIp)
            : null,
        CreatedAt = set.CreatedAt,
        UpdatedAt = set.UpdatedAt,
        StabilityStatusAt = set.StabilityStatusAt,
        Tags = set.Tags?.Select(t => new ResourceTag(t.Key ?? "", t.Value ?? "")).ToArray() ?? [],
    };

    // moto sends "" where ECS leaves a member out.
    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
