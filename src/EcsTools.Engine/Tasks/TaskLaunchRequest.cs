using System.Collections.Generic;

namespace EcsTools.Engine.Tasks;

/// <summary>
/// What starting tasks asks for, in ECS terms, apart from the task definition, the cluster and (for StartTask) the
/// container instances, which each input gives. RunTask places the tasks with <see cref="LaunchType"/>, with
/// <see cref="CapacityProviderStrategy"/>, or (both null) with the cluster's default strategy. Structures ECS defines in
/// depth (placement constraints and strategy, volume configurations) are given as ECS JSON, one object an item.
/// Read and checked once by <see cref="TaskLauncher.Create"/>.
/// </summary>
public sealed record TaskLaunchRequest
{
    public string? LaunchType { get; init; }

    public IReadOnlyList<CapacityProviderShare>? CapacityProviderStrategy { get; init; }

    /// <summary>How many tasks RunTask starts for each input (1 to <see cref="TaskLaunchLimits.MaxCount"/>).</summary>
    public int Count { get; init; } = 1;

    /// <summary>ECS PlacementConstraint objects as JSON (RunTask).</summary>
    public IReadOnlyList<string>? PlacementConstraints { get; init; }

    /// <summary>ECS PlacementStrategy objects as JSON (RunTask).</summary>
    public IReadOnlyList<string>? PlacementStrategy { get; init; }

    public string? PlatformVersion { get; init; }

    /// <summary>The RunTask client token the user gave; each call gets one derived from it (see <see cref="EcsClientTokens"/>). A new one per call when null.</summary>
    public string? ClientToken { get; init; }

    public string? Group { get; init; }

    public string? StartedBy { get; init; }

    public string? ReferenceId { get; init; }

    public IReadOnlyList<ResourceTag>? Tags { get; init; }

    public string? PropagateTags { get; init; }

    public bool EnableEcsManagedTags { get; init; }

    public bool EnableExecuteCommand { get; init; }

    public AwsVpcNetwork? Network { get; init; }

    public TaskOverrideRequest? Overrides { get; init; }

    /// <summary>ECS TaskVolumeConfiguration objects as JSON.</summary>
    public IReadOnlyList<string>? VolumeConfigurations { get; init; }
}
