using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace EcsTools.LocalEcs.State;

/// <summary>One revision of a task definition: the JSON DescribeTaskDefinition answers, and what placement needs.</summary>
internal sealed class TaskDefinitionState
{
    public required string Family { get; init; }

    public required int Revision { get; init; }

    public required string Arn { get; init; }

    public string Status { get; set; } = "ACTIVE";

    public DateTimeOffset RegisteredAt { get; init; }

    public DateTimeOffset? DeregisteredAt { get; set; }

    /// <summary>The TaskDefinition shape, as DescribeTaskDefinition returns it.</summary>
    public required JsonObject Description { get; init; }

    public required IReadOnlyList<ContainerDefinitionInfo> Containers { get; init; }

    public string NetworkMode { get; init; } = "bridge";

    public int? Cpu { get; init; }

    public int? Memory { get; init; }

    public IReadOnlyList<string> Compatibilities { get; init; } = ["EC2"];

    public List<Tag> Tags { get; init; } = [];

    public bool IsAwsVpc => NetworkMode == "awsvpc";

    public bool SupportsFargate => Compatibilities.Contains("FARGATE");

    /// <summary>The CPU units a task reserves: the task-level value, else the sum of the containers'.</summary>
    public int TaskCpu => Cpu ?? Containers.Sum(c => c.Cpu);

    /// <summary>The MiB a task reserves: the task-level value, else each container's reservation (or hard limit).</summary>
    public int TaskMemory => Memory ?? Containers.Sum(c => c.MemoryReservation ?? c.Memory ?? 0);

    public string FamilyRevision => $"{Family}:{Revision}";

    public ContainerDefinitionInfo? Container(string name) => Containers.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
