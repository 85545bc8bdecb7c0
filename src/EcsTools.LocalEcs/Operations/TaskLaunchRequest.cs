using System.Collections.Generic;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Operations;

/// <summary>Everything a new task is launched with, whoever launches it (RunTask, StartTask, the service scheduler).</summary>
internal sealed record TaskLaunchRequest
{
    public required ClusterState Cluster { get; init; }

    public required TaskDefinitionState TaskDefinition { get; init; }

    public JsonObject? Overrides { get; init; }

    public JsonObject? NetworkConfiguration { get; init; }

    public required string Group { get; init; }

    public string? StartedBy { get; init; }

    public IReadOnlyList<Tag> Tags { get; init; } = [];

    public string? PlatformVersion { get; init; }

    public bool EnableExecuteCommand { get; init; }

    /// <summary>The service whose scheduler launches the task; such tasks honour <see cref="LocalEcsLabels.Stabilize"/>.</summary>
    public string? ServiceName { get; init; }

    public JsonArray? PlacementStrategy { get; init; }

    public bool DistinctInstance { get; init; }
}
