using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace EcsTools.LocalEcs.State;

/// <summary>A cluster with its container instances, tasks and services.</summary>
internal sealed class ClusterState
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    public string Status { get; set; } = "ACTIVE";

    public List<string> CapacityProviders { get; set; } = [];

    public List<StrategyItem> DefaultStrategy { get; set; } = [];

    public List<Tag> Tags { get; set; } = [];

    public JsonArray? Settings { get; set; }

    public JsonObject? Configuration { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public OrderedDictionary<string, ContainerInstanceState> ContainerInstances { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, TaskState> Tasks { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, ServiceState> Services { get; } = new(StringComparer.Ordinal);
}
