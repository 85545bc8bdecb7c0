using System.Collections.Generic;

namespace EcsTools.LocalEcs.State;

/// <summary>What LocalEcs needs of one container definition: resources, ports and the scripting labels.</summary>
internal sealed class ContainerDefinitionInfo
{
    public required string Name { get; init; }

    public required string Image { get; init; }

    public bool Essential { get; init; } = true;

    public int Cpu { get; init; }

    public int? Memory { get; init; }

    public int? MemoryReservation { get; init; }

    public IReadOnlyList<PortMappingInfo> PortMappings { get; init; } = [];

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The logConfiguration's driver and options (awslogs-group, awslogs-region, awslogs-stream-prefix); null without one.</summary>
    public string? LogDriver { get; init; }

    public IReadOnlyDictionary<string, string> LogOptions { get; init; } = new Dictionary<string, string>();
}

internal readonly record struct PortMappingInfo(int ContainerPort, int HostPort, string Protocol);
