using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace EcsTools.LocalEcs.State;

/// <summary>A registered container instance (no EC2 behind it) and the resources it registered.</summary>
internal sealed class ContainerInstanceState
{
    public required string Id { get; init; }

    public required string Arn { get; init; }

    public required string Ec2InstanceId { get; init; }

    public required ClusterState Cluster { get; init; }

    public int Cpu { get; init; }

    public int Memory { get; init; }

    /// <summary>The host ports the instance itself reserves (registered PORTS).</summary>
    public IReadOnlyList<int> ReservedPorts { get; init; } = [];

    public required string AvailabilityZone { get; init; }

    public string? CapacityProviderName { get; init; }

    public string Status { get; set; } = "ACTIVE";

    public DateTimeOffset RegisteredAt { get; init; }

    public JsonArray Attributes { get; init; } = [];

    public JsonObject? VersionInfo { get; init; }

    public List<Tag> Tags { get; init; } = [];
}
