using System;
using System.Collections.Generic;
using System.Linq;
using EcsTools.Engine;
using EcsTools.Engine.Model;
using EcsTools.Input;
using EcsTools.Internal;

namespace EcsTools.Commands;

/// <summary>The calls: RunTask in batches of at most 10 tasks, StartTask in batches of at most 10 container instances.</summary>
public sealed partial class StartEcsTaskCommand
{
    private void RunTasks(string taskDefinition, string? cluster, int inputIndex)
    {
        var overrides = _overrides!.Build(taskDefinition, cluster);
        if (overrides.Failed)
        {
            return;
        }

        var placement = ParameterSetName switch
        {
            ByLaunchType => $"with launch type {LaunchType.ToUpperInvariant()}",
            ByCapacityProvider => $"with capacity provider strategy {CapacityProviderInput.Describe(_strategy!)}",
            _ => "with the cluster's default capacity provider strategy",
        };
        if (!ShouldProcess($"task definition '{taskDefinition}' on cluster '{cluster ?? "default"}'", $"Start {Count} task(s) {placement}"))
        {
            return;
        }

        var calls = (Count + MaxRunTaskCount - 1) / MaxRunTaskCount;
        var baseToken = ClientToken is null ? null
            : inputIndex == 0 ? ClientToken : ClientTokens.Derive(ClientToken, "p" + ClientTokens.Part(inputIndex + 1), MaxRunTaskClientToken);
        for (var call = 0; call < calls; call++)
        {
            var request = new RunTaskRequest
            {
                TaskDefinition = taskDefinition,
                Cluster = cluster,
                Count = Math.Min(MaxRunTaskCount, Count - (call * MaxRunTaskCount)),
                LaunchType = ParameterSetName == ByLaunchType ? LaunchType.ToUpperInvariant() : null,
                CapacityProviderStrategy = _strategy,
                PlacementConstraints = _placementConstraints,
                PlacementStrategy = _placementStrategy,
                PlatformVersion = PlatformVersion,
                ClientToken = baseToken is null ? ClientTokens.New()
                    : calls == 1 ? baseToken : ClientTokens.Derive(baseToken, ClientTokens.Part(call + 1), MaxRunTaskClientToken),
                Group = Group,
                StartedBy = StartedBy,
                ReferenceId = ReferenceId,
                Tags = _tags,
                PropagateTags = PropagateTags?.ToUpperInvariant(),
                EnableECSManagedTags = EnableEcsManagedTags.IsPresent ? true : null,
                EnableExecuteCommand = EnableExecuteCommand.IsPresent ? true : null,
                NetworkConfiguration = _network,
                Overrides = overrides.Value,
                VolumeConfigurations = _volumeConfigurations,
            };
            WriteVerbose($"RunTask {taskDefinition}: call {call + 1} of {calls}, {request.Count} task(s).");
            RunTaskResponse response;
            try
            {
                response = Await(ct => Connection.RunTaskAsync(request, ct));
            }
            catch (EcsServiceException e)
            {
                WriteServiceError(e, taskDefinition);
                return;
            }

            WriteResults(response.Tasks, response.Failures, "RunTask", taskDefinition);
        }
    }

    private void FlushStartTask()
    {
        if (_pendingKey is not { } key || _pendingInstances.Count == 0)
        {
            _pendingInstances.Clear();
            _pendingKey = null;
            return;
        }

        var instances = _pendingInstances.ToArray();
        _pendingInstances.Clear();
        _pendingKey = null;
        var (taskDefinition, cluster) = key;
        var overrides = _overrides!.Build(taskDefinition, cluster);
        if (overrides.Failed)
        {
            return;
        }

        var shown = instances.Length <= 3 ? string.Join(", ", instances) : $"{string.Join(", ", instances.Take(3))} and {instances.Length - 3} more";
        if (!ShouldProcess($"task definition '{taskDefinition}' on cluster '{cluster ?? "default"}'",
                $"Start {instances.Length} task(s) on container instance(s) {shown}"))
        {
            return;
        }

        foreach (var chunk in instances.Chunk(MaxStartTaskInstances))
        {
            var request = new StartTaskRequest
            {
                TaskDefinition = taskDefinition,
                Cluster = cluster,
                ContainerInstances = [.. chunk],
                Group = Group,
                StartedBy = StartedBy,
                ReferenceId = ReferenceId,
                Tags = _tags,
                PropagateTags = PropagateTags?.ToUpperInvariant(),
                EnableECSManagedTags = EnableEcsManagedTags.IsPresent ? true : null,
                EnableExecuteCommand = EnableExecuteCommand.IsPresent ? true : null,
                NetworkConfiguration = _network,
                Overrides = overrides.Value,
                VolumeConfigurations = _volumeConfigurations,
            };
            WriteVerbose($"StartTask {taskDefinition} on {chunk.Length} container instance(s).");
            StartTaskResponse response;
            try
            {
                response = Await(ct => Connection.StartTaskAsync(request, ct));
            }
            catch (EcsServiceException e)
            {
                WriteServiceError(e, taskDefinition);
                return;
            }

            WriteResults(response.Tasks, response.Failures, "StartTask", taskDefinition);
        }
    }

    private void WriteResults(List<TaskData>? tasks, List<Failure>? failures, string operation, string taskDefinition)
    {
        foreach (var task in tasks ?? [])
        {
            WriteStarted(EcsObjects.ToTask(task));
        }

        foreach (var failure in failures ?? [])
        {
            WriteFailure(failure, operation, $"task definition '{taskDefinition}'");
        }
    }
}
