using System.Collections.Generic;
using EcsTools.Engine.Tasks;

namespace EcsTools.Engine.TaskSets;

/// <summary>
/// A task set to create (CreateTaskSet) in a service with the EXTERNAL deployment controller, in ECS terms. Placement is
/// a launch type, a capacity provider strategy, or neither (the cluster's default strategy).
/// </summary>
public sealed record TaskSetCreation
{
    public required string Cluster { get; init; }

    public required string Service { get; init; }

    /// <summary>Family, family:revision or ARN.</summary>
    public required string TaskDefinition { get; init; }

    /// <summary>EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES; null with a capacity provider strategy or the cluster's default.</summary>
    public string? LaunchType { get; init; }

    public IReadOnlyList<CapacityProviderShare>? CapacityProviderStrategy { get; init; }

    public string? PlatformVersion { get; init; }

    /// <summary>The percentage of the service's desired count, 0 to <see cref="TaskSetRules.MaxScale"/>; null: ECS's default.</summary>
    public double? Scale { get; init; }

    public string? ExternalId { get; init; }

    public IReadOnlyList<TaskSetLoadBalancer>? LoadBalancers { get; init; }

    public IReadOnlyList<TaskSetServiceRegistry>? ServiceRegistries { get; init; }

    public AwsVpcNetwork? Network { get; init; }

    /// <summary>The tags, sent in this order.</summary>
    public IReadOnlyList<ResourceTag>? Tags { get; init; }

    /// <summary>The idempotency token sent (see <see cref="TaskSetRules.ClientTokenFor"/>); a new one is made when null.</summary>
    public string? ClientToken { get; init; }
}
