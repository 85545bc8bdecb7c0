using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace EcsTools.LocalEcs.State;

/// <summary>A service: with the EXTERNAL controller it holds task sets; with ECS it runs one deployment.</summary>
internal sealed class ServiceState
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    public required ClusterState Cluster { get; init; }

    public string Status { get; set; } = "ACTIVE";

    public int DesiredCount { get; set; }

    public TaskDefinitionState? TaskDefinition { get; set; }

    public string ControllerType { get; init; } = "ECS";

    public string? LaunchType { get; set; }

    public List<StrategyItem>? Strategy { get; set; }

    public string? PlatformVersion { get; set; }

    public JsonObject? NetworkConfiguration { get; set; }

    public JsonArray? LoadBalancers { get; set; }

    public JsonArray? ServiceRegistries { get; set; }

    public JsonObject? DeploymentConfiguration { get; init; }

    public JsonArray? PlacementConstraints { get; init; }

    public JsonArray? PlacementStrategy { get; init; }

    public string SchedulingStrategy { get; init; } = "REPLICA";

    public string? RoleArn { get; init; }

    public int? HealthCheckGracePeriodSeconds { get; init; }

    public bool EnableExecuteCommand { get; init; }

    public bool EnableEcsManagedTags { get; init; }

    public string? PropagateTags { get; init; }

    public List<Tag> Tags { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When DeleteService was called: the service is DRAINING from then on.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>When a deleted service becomes INACTIVE (one step after DeleteService).</summary>
    public DateTimeOffset? InactiveAt { get; set; }

    public string? ClientToken { get; init; }

    /// <summary>A fingerprint of the CreateService request, to tell an idempotent retry from a conflicting one.</summary>
    public string? Fingerprint { get; init; }

    public OrderedDictionary<string, TaskSetState> TaskSets { get; } = new(StringComparer.Ordinal);

    /// <summary>The ECS controller's deployment (null for EXTERNAL services).</summary>
    public DeploymentState? Deployment { get; set; }

    public bool IsExternal => ControllerType == "EXTERNAL";
}

/// <summary>The single deployment of an ECS-controller service.</summary>
internal sealed record DeploymentState(string Id, Fleet Fleet, DateTimeOffset CreatedAt);
