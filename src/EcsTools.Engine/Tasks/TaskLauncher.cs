using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine.Model;

namespace EcsTools.Engine.Tasks;

/// <summary>
/// Starts tasks as a <see cref="TaskLaunchRequest"/> asks, input after input: RunTask in calls of at most 10 tasks, each
/// with its own client token (derived from the one given, so that the same command sends the same tokens), or StartTask
/// in calls of at most 10 container instances; the task override composed once per container and checked against the
/// 8,192-character limit. <see cref="Create"/> reads and checks the request once; <c>Prepare*</c> make the calls of one
/// input (refusing what cannot be sent before anything is); <see cref="TaskLaunch.SendAsync"/> sends them.
/// </summary>
public sealed class TaskLauncher
{
    private readonly TaskLaunchRequest _request;
    private readonly TaskOverrides? _overrides;
    private readonly List<PlacementConstraint>? _placementConstraints;
    private readonly List<PlacementStrategy>? _placementStrategy;
    private readonly List<TaskVolumeConfiguration>? _volumeConfigurations;
    private readonly ConcurrentDictionary<string, string[]> _containerNames = new(StringComparer.Ordinal);

    private TaskLauncher(TaskLaunchRequest request, TaskOverrides? overrides, List<PlacementConstraint>? constraints,
        List<PlacementStrategy>? strategy, List<TaskVolumeConfiguration>? volumes)
    {
        _request = request;
        _overrides = overrides;
        _placementConstraints = constraints;
        _placementStrategy = strategy;
        _volumeConfigurations = volumes;
    }

    /// <summary>Reads and checks the request against the ECS limits; an <see cref="EcsInputException"/> (with its ErrorId) says what is wrong.</summary>
    public static TaskLauncher Create(TaskLaunchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Count < 1)
        {
            throw new EcsInputException(ErrorIds.InvalidCount, InputMessages.InvalidCount(request.Count), InputMessages.InvalidCountAction, request.Count);
        }

        if (request.Count > TaskLaunchLimits.MaxCount)
        {
            throw new EcsInputException(ErrorIds.CountTooLarge,
                InputMessages.CountTooLarge(request.Count),
                InputMessages.CountTooLargeAction(), request.Count);
        }

        if (request.ReferenceId is { Length: > TaskLaunchLimits.MaxReferenceIdLength })
        {
            throw new EcsInputException(ErrorIds.InvalidReferenceId,
                InputMessages.InvalidReferenceId(request.ReferenceId.Length), InputMessages.InvalidReferenceIdAction);
        }

        EcsClientTokens.Validate(request.ClientToken, TaskLaunchLimits.MaxClientTokenLength);
        var constraints = ReadAll<PlacementConstraint>(request.PlacementConstraints, "PlacementConstraint", ErrorIds.InvalidPlacementConstraint);
        var strategy = ReadAll<PlacementStrategy>(request.PlacementStrategy, "PlacementStrategy", ErrorIds.InvalidPlacementStrategy);
        var volumes = ReadAll<TaskVolumeConfiguration>(request.VolumeConfigurations, "VolumeConfiguration", ErrorIds.InvalidVolumeConfiguration);
        PlacementRules.Check(constraints);
        PlacementRules.Check(strategy);
        if (constraints is { Count: > TaskLaunchLimits.MaxPlacementConstraints })
        {
            throw new EcsInputException(ErrorIds.TooManyPlacementConstraints,
                InputMessages.TooManyPlacementConstraints(),
                InputMessages.TooManyPlacementConstraintsAction());
        }

        if (strategy is { Count: > TaskLaunchLimits.MaxPlacementStrategies })
        {
            throw new EcsInputException(ErrorIds.TooManyPlacementStrategies,
                InputMessages.TooManyPlacementStrategies(),
                InputMessages.TooManyPlacementStrategiesAction());
        }

        var overrides = request.Overrides is null ? null : TaskOverrides.Create(request.Overrides);
        return new TaskLauncher(request, overrides, constraints, strategy, volumes);
    }

    /// <summary>Refuses more container instances than one command starts tasks on (TooManyContainerInstances).</summary>
    public static void CheckContainerInstanceCount(int count)
    {
        if (count > TaskLaunchLimits.MaxCount)
        {
            throw new EcsInputException(ErrorIds.TooManyContainerInstances,
                InputMessages.TooManyContainerInstances(count),
                InputMessages.TooManyContainerInstancesAction(), count);
        }
    }

    /// <summary>
    /// The RunTask calls for input <paramref name="inputIndex"/> (0-based): <see cref="TaskLaunchRequest.Count"/> tasks in
    /// calls of at most 10. Client tokens: none given, a new one per call; given, the token itself (first input) or
    /// TOKEN-pN (input N), with -1, -2... per call when there are several calls (hashed to fit 64 characters).
    /// </summary>
    public async Task<TaskLaunch> PrepareRunAsync(EcsConnection connection, string taskDefinition, string? cluster, int inputIndex,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskDefinition);
        var overrides = await OverridesForAsync(connection, taskDefinition, cancellationToken).ConfigureAwait(false);
        var count = _request.Count;
        // Count is at most MaxCount; written so that no value of Count can overflow (Count + 9 would, near int.MaxValue).
        var calls = (count / TaskLaunchLimits.MaxRunTaskCount) + (count % TaskLaunchLimits.MaxRunTaskCount == 0 ? 0 : 1);
        var tokens = RunTaskTokens(_request.ClientToken, inputIndex, calls);
        var requests = new List<ITaskLaunchRequest>(calls);
        for (var call = 0; call < calls; call++)
        {
            requests.Add(Shared(new RunTaskRequest
            {
                Count = Math.Min(TaskLaunchLimits.MaxRunTaskCount, count - (call * TaskLaunchLimits.MaxRunTaskCount)),
                LaunchType = _request.LaunchType?.ToUpperInvariant(),
                CapacityProviderStrategy = _request.CapacityProviderStrategy?
                    .Select(s => new CapacityProviderStrategyItem { CapacityProvider = s.CapacityProvider, Weight = s.Weight, Base = s.Base }).ToList(),
                PlacementConstraints = _placementConstraints,
                PlacementStrategy = _placementStrategy,
                PlatformVersion = _request.PlatformVersion,
                ClientToken = tokens[call],
            }, taskDefinition, cluster, overrides));
        }

        return new TaskLaunch(TaskLaunch.RunTask, taskDefinition, cluster, count, requests);
    }

    /// <summary>The StartTask calls for tasks on <paramref name="containerInstances"/>: at most 10 instances a call.</summary>
    public async Task<TaskLaunch> PrepareStartAsync(EcsConnection connection, string taskDefinition, string? cluster,
        IReadOnlyList<string> containerInstances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskDefinition);
        ArgumentNullException.ThrowIfNull(containerInstances);
        var overrides = await OverridesForAsync(connection, taskDefinition, cancellationToken).ConfigureAwait(false);
        var requests = containerInstances.Chunk(TaskLaunchLimits.MaxStartTaskInstances)
            .Select(chunk => Shared(new StartTaskRequest { ContainerInstances = [.. chunk] }, taskDefinition, cluster, overrides))
            .ToList();
        return new TaskLaunch(TaskLaunch.StartTask, taskDefinition, cluster, containerInstances.Count, requests);
    }

    /// <summary>The client token of each of <paramref name="calls"/> RunTask calls of input <paramref name="inputIndex"/>; null tokens are made new.</summary>
    internal static string[] RunTaskTokens(string? clientToken, int inputIndex, int calls)
    {
        var baseToken = EcsClientTokens.ForInput(clientToken, inputIndex, TaskLaunchLimits.MaxClientTokenLength);
        var tokens = new string[calls];
        for (var call = 0; call < calls; call++)
        {
            tokens[call] = baseToken is null ? EcsClientTokens.New()
                : calls == 1 ? baseToken : EcsClientTokens.Derive(baseToken, EcsClientTokens.Part(call + 1), TaskLaunchLimits.MaxClientTokenLength);
        }

        return tokens;
    }

    private async Task<TaskOverride?> OverridesForAsync(EcsConnection connection, string taskDefinition, CancellationToken cancellationToken)
    {
        if (_overrides is null)
        {
            return null;
        }

        var container = _overrides.Container;
        if (_overrides.NeedsContainer && container is null)
        {
            var names = await ContainerNamesAsync(connection, taskDefinition, cancellationToken).ConfigureAwait(false);
            if (names.Length != 1)
            {
                throw new EcsInputException(ErrorIds.ContainerNameRequired,
                    InputMessages.ContainerNameRequired(taskDefinition, names),
                    InputMessages.ContainerNameRequiredAction(names), taskDefinition);
            }

            container = names[0];
        }

        return _overrides.For(container, taskDefinition);
    }

    private async Task<string[]> ContainerNamesAsync(EcsConnection connection, string taskDefinition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (_containerNames.TryGetValue(taskDefinition, out var cached))
        {
            return cached;
        }

        var names = (await connection.ContainerDefinitionsAsync(taskDefinition, cancellationToken).ConfigureAwait(false)).Select(c => c.Name ?? "").ToArray();
        _containerNames[taskDefinition] = names;
        return names;
    }

    // The members RunTask and StartTask share.
    private ITaskLaunchRequest Shared(ITaskLaunchRequest request, string taskDefinition, string? cluster, TaskOverride? overrides)
    {
        request.TaskDefinition = taskDefinition;
        request.Cluster = cluster;
        request.Group = _request.Group;
        request.StartedBy = _request.StartedBy;
        request.ReferenceId = _request.ReferenceId;
        request.Tags = _request.Tags?.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList();
        request.PropagateTags = _request.PropagateTags?.ToUpperInvariant();
        request.EnableECSManagedTags = _request.EnableEcsManagedTags ? true : null;
        request.EnableExecuteCommand = _request.EnableExecuteCommand ? true : null;
        request.NetworkConfiguration = _request.Network is { } network ? new NetworkConfiguration
        {
            AwsvpcConfiguration = new AwsVpcConfiguration
            {
                Subnets = [.. network.Subnets],
                SecurityGroups = network.SecurityGroups is { Count: > 0 } groups ? [.. groups] : null,
                AssignPublicIp = network.AssignPublicIp ? "ENABLED" : "DISABLED",
            },
        } : null;
        request.Overrides = overrides;
        request.VolumeConfigurations = _volumeConfigurations;
        return request;
    }

    private static List<T>? ReadAll<T>(IReadOnlyList<string>? items, string parameter, string errorId) =>
        items is null ? null : EcsInput.ReadAll<T>(items, parameter, errorId);
}
