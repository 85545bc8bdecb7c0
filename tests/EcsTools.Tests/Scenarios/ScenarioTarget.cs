using System.Collections;

namespace EcsTools.Tests.Scenarios;

/// <summary>
/// What the scenarios need to know about one ECS they run against: the names in its scene, and what it answers where
/// it departs from ECS (each departure says which side matches ECS, and why).
/// </summary>
public sealed record ScenarioTarget
{
    /// <summary>"LocalEcs" or "moto": shown in assertion messages.</summary>
    public required string Name { get; init; }

    /// <summary>A cluster with container instances, for EC2 tasks.</summary>
    public required string Cluster { get; init; }

    /// <summary>A bridge task definition that runs until stopped, placed on EC2.</summary>
    public required string Ec2TaskDefinition { get; init; }

    /// <summary>Where and what Start-EcsTask -CapacityProviderStrategy starts: cluster, task definition, strategy, network (splatted).</summary>
    public required string StrategyCluster { get; init; }

    public required string StrategyTaskDefinition { get; init; }

    public required Hashtable Strategy { get; init; }

    public required Hashtable StrategyNetwork { get; init; }

    /// <summary>What ECS does with that strategy: the task's launch type and capacity provider, or the error id when the target cannot run it.</summary>
    public required (string? LaunchType, string? CapacityProvider, string? ErrorId) StrategyOutcome { get; init; }

    /// <summary>Where and what Start-EcsTask with neither a launch type nor a strategy starts (the cluster's default).</summary>
    public required string DefaultCluster { get; init; }

    public required string DefaultTaskDefinition { get; init; }

    public required Hashtable DefaultNetwork { get; init; }

    /// <summary>The launch type and capacity provider of a task started with the cluster's default (null: none reported).</summary>
    public required (string? LaunchType, string? CapacityProvider) DefaultOutcome { get; init; }

    /// <summary>The service with the EXTERNAL deployment controller (desiredCount 4 in both scenes).</summary>
    public required string Service { get; init; }

    public required string BlueTaskDefinition { get; init; }

    public required string GreenTaskDefinition { get; init; }

    /// <summary>The task sets' launch type and network (splatted into New-EcsTaskSet).</summary>
    public required Hashtable TaskSetPlacement { get; init; }

    /// <summary>Whether task sets report computedDesiredCount, runningCount and pendingCount (ECS does).</summary>
    public required bool ReportsTaskSetCounts { get; init; }

    /// <summary>The status DeleteTaskSet returns the removed set with (ECS: DRAINING).</summary>
    public required string RemovedTaskSetStatus { get; init; }

    /// <summary>Remove-EcsTaskSet's error id for a cluster that does not exist (ECS: ClusterNotFoundException).</summary>
    public required string RemoveInMissingClusterErrorId { get; init; }
}
