using System;
using System.Linq;
using EcsTools.Engine.Model;

namespace EcsTools.Internal;

/// <summary>Maps the engine's TaskSet wire shape to <see cref="EcsTaskSet"/>.</summary>
internal static class EcsTaskSetObjects
{
    public static EcsTaskSet ToTaskSet(TaskSet set) => new(new EcsTaskSetData
    {
        Id = set.Id,
        TaskSetArn = set.TaskSetArn,
        ServiceArn = set.ServiceArn,
        ClusterArn = set.ClusterArn,
        Status = set.Status,
        StabilityStatus = set.StabilityStatus,
        TaskDefinitionArn = set.TaskDefinition,
        ComputedDesiredCount = set.ComputedDesiredCount,
        PendingCount = set.PendingCount,
        RunningCount = set.RunningCount,
        Scale = set.Scale?.Value,
        LaunchType = Blank(set.LaunchType),
        CapacityProviderStrategy = set.CapacityProviderStrategy?
            .Select(i => new EcsCapacityProviderStrategyItem(i.CapacityProvider ?? "", i.Weight, i.Base)).ToArray() ?? [],
        PlatformVersion = Blank(set.PlatformVersion),
        PlatformFamily = Blank(set.PlatformFamily),
        ExternalId = Blank(set.ExternalId),
        LoadBalancers = set.LoadBalancers?
            .Select(b => new EcsLoadBalancer(b.TargetGroupArn, b.LoadBalancerName, b.ContainerName, b.ContainerPort)).ToArray() ?? [],
        ServiceRegistries = set.ServiceRegistries?
            .Select(r => new EcsServiceRegistry(r.RegistryArn, r.Port, r.ContainerName, r.ContainerPort)).ToArray() ?? [],
        NetworkConfiguration = set.NetworkConfiguration?.AwsvpcConfiguration is { } vpc
            ? new EcsNetworkConfiguration(vpc.Subnets?.ToArray() ?? [], vpc.SecurityGroups?.ToArray() ?? [], vpc.AssignPublicIp)
            : null,
        CreatedAt = EcsObjects.Local(set.CreatedAt),
        UpdatedAt = EcsObjects.Local(set.UpdatedAt),
        StabilityStatusAt = EcsObjects.Local(set.StabilityStatusAt),
        Tags = EcsObjects.ToTags(set.Tags),
    });

    /// <summary>
    /// Whether the task set has settled: STEADY_STATE, and, when ECS reports the counts, as many tasks running as it
    /// wants with none pending (the definition of STEADY_STATE, checked again in case the status is a step behind).
    /// </summary>
    public static bool IsSteady(TaskSet set) =>
        string.Equals(set.StabilityStatus, "STEADY_STATE", StringComparison.Ordinal)
        && (set.ComputedDesiredCount is not { } desired || set.RunningCount is not { } running || running == desired)
        && set.PendingCount is null or 0;

    // moto sends "" where ECS leaves a member out.
    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
