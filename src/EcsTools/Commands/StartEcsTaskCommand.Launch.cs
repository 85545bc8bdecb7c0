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

        // Count is at most MaxCount; written so that no value of Count can overflow (Count + 9 would, near int.MaxValue).
        var calls = (Count / MaxRunTaskCount) + (Count % MaxRunTaskCount == 0 ? 0 : 1);
        var baseToken = ClientToken is null ? null
            : inputIndex == 0 ? ClientToken : ClientTokens.Derive(ClientToken, "p" + ClientTokens.Part(inputIndex + 1), MaxRunTaskClientToken);
        for (var call = 0; call < calls; call++)
        {
            var request = (RunTaskRequest)Shared(new RunTaskRequest
            {
                Count = Math.Min(MaxRunTaskCount, Count - (call * MaxRunTaskCount)),
                LaunchType = ParameterSetName == ByLaunchType ? LaunchType.ToUpperInvariant() : null,
                CapacityProviderStrategy = _strategy,
                PlacementConstraints = _placementConstraints,
                PlacementStrategy = _placementStrategy,
                PlatformVersion = PlatformVersion,
                ClientToken = baseToken is null ? ClientTokens.New()
                    : calls == 1 ? baseToken : ClientTokens.Derive(baseToken, ClientTokens.Part(call + 1), MaxRunTaskClientToken),
            }, taskDefinition, cluster, overrides.Value);
            WriteVerbose($"RunTask {taskDefinition}: call {call + 1} of {calls}, {request.Count} task(s).");
            if (!Launch(request))
            {
                return;
            }
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
            WriteVerbose($"StartTask {taskDefinition} on {chunk.Length} container instance(s).");
            if (!Launch(Shared(new StartTaskRequest { ContainerInstances = [.. chunk] }, taskDefinition, cluster, overrides.Value)))
            {
                return;
            }
        }
    }

    // The parameters RunTask and StartTask share. (Not generic: a constraint on an engine type would make PowerShell's
    // reflection over the cmdlet load the engine before the module's resolver is in place.)
    private ITaskLaunchRequest Shared(ITaskLaunchRequest request, string taskDefinition, string? cluster, TaskOverride? overrides)
    {
        request.TaskDefinition = taskDefinition;
        request.Cluster = cluster;
        request.Group = Group;
        request.StartedBy = StartedBy;
        request.ReferenceId = ReferenceId;
        request.Tags = _tags;
        request.PropagateTags = PropagateTags?.ToUpperInvariant();
        request.EnableECSManagedTags = EnableEcsManagedTags.IsPresent ? true : null;
        request.EnableExecuteCommand = EnableExecuteCommand.IsPresent ? true : null;
        request.NetworkConfiguration = _network;
        request.Overrides = overrides;
        request.VolumeConfigurations = _volumeConfigurations;
        return request;
    }

    /// <summary>One call; its tasks are written and its failures become errors. False when the call itself failed.</summary>
    private bool Launch(ITaskLaunchRequest request)
    {
        var taskDefinition = request.TaskDefinition!;
        var operation = request is RunTaskRequest ? "RunTask" : "StartTask";
        (List<TaskData>? Tasks, List<Failure>? Failures) result;
        try
        {
            result = request switch
            {
                RunTaskRequest run => Await(async ct =>
                {
                    var response = await Connection.RunTaskAsync(run, ct).ConfigureAwait(false);
                    return (response.Tasks, response.Failures);
                }),
                StartTaskRequest start => Await(async ct =>
                {
                    var response = await Connection.StartTaskAsync(start, ct).ConfigureAwait(false);
                    return (response.Tasks, response.Failures);
                }),
                _ => throw new ArgumentException($"Not a launch request: {request.GetType().Name}.", nameof(request)),
            };
        }
        catch (EcsServiceException e)
        {
            WriteServiceError(e, taskDefinition, request.Cluster, taskDefinition);
            return false;
        }

        WriteResults(result.Tasks, result.Failures, operation, taskDefinition);
        var asked = request is RunTaskRequest { Count: { } count } ? count : request is StartTaskRequest { ContainerInstances: { } on } ? on.Count : 1;
        var accounted = (result.Tasks?.Count ?? 0) + (result.Failures?.Count ?? 0);
        if (accounted < asked)
        {
            WriteError(TaskErrors.FewerThanAsked(operation, taskDefinition, request.Cluster, asked, result.Tasks?.Count ?? 0, result.Failures?.Count ?? 0));
        }

        return true;
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
