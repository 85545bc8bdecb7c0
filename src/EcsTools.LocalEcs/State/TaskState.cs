using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace EcsTools.LocalEcs.State;

/// <summary>A task: what it was launched with, where, and its <see cref="TaskTimeline"/>.</summary>
internal sealed class TaskState
{
    /// <summary>How long a stopped task stays visible (ECS: "at least one hour").</summary>
    public static readonly TimeSpan StoppedRetention = TimeSpan.FromHours(1);

    public required string Id { get; init; }

    public required string Arn { get; init; }

    public required ClusterState Cluster { get; init; }

    public required TaskDefinitionState TaskDefinition { get; init; }

    public required TaskTimeline Timeline { get; init; }

    public ContainerInstanceState? ContainerInstance { get; init; }

    public string? LaunchType { get; init; }

    public string? CapacityProviderName { get; init; }

    public string? PlatformVersion { get; init; }

    public required string Group { get; init; }

    public string? StartedBy { get; init; }

    public required JsonObject Overrides { get; init; }

    public List<Tag> Tags { get; set; } = [];

    public int Cpu { get; init; }

    public int Memory { get; init; }

    /// <summary>The host ports the task reserves on its container instance (static mappings; dynamic ones are not a resource).</summary>
    public IReadOnlyList<int> ReservedPorts { get; init; } = [];

    public required IReadOnlyList<TaskContainer> Containers { get; init; }

    public required string AvailabilityZone { get; init; }

    public EniAttachment? Eni { get; init; }

    public bool EnableExecuteCommand { get; init; }

    /// <summary>The service whose scheduler launched the task (ListTasks serviceName filter).</summary>
    public string? ServiceName { get; init; }

    public DateTimeOffset CreatedAt => Timeline.CreatedAt;

    /// <summary>False once the task is gone: scripted MISSING, or stopped for longer than the retention.</summary>
    public bool IsVisible(DateTimeOffset now) =>
        !(Timeline.Script.MissingAfter is { } missing && now >= CreatedAt + missing)
        && !(Timeline.StoppedAt is { } stopped && now >= stopped + StoppedRetention);

    /// <summary>True while the task holds CPU, memory and ports on its container instance (until STOPPED).</summary>
    public bool HoldsResources(DateTimeOffset now) => IsVisible(now) && (Timeline.StoppedAt is not { } stopped || now < stopped);

    public string LastStatus(DateTimeOffset now) => Timeline.StatusAt(now);

    public string DesiredStatus(DateTimeOffset now) =>
        Timeline.Stop is { } stop && stop.At <= now ? TaskStatuses.Stopped : TaskStatuses.Running;
}

/// <summary>One container of a task.</summary>
internal sealed record TaskContainer(
    string Name,
    string Arn,
    string Image,
    string RuntimeId,
    ContainerDefinitionInfo Definition,
    ContainerScript Script,
    IReadOnlyList<(int ContainerPort, int HostPort, string Protocol)> NetworkBindings);

/// <summary>The elastic network interface of an awsvpc task.</summary>
internal sealed record EniAttachment(string Id, string SubnetId, string NetworkInterfaceId, string MacAddress, string PrivateIp, string PrivateDnsName);
