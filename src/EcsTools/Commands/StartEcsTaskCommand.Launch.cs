using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine;
using EcsTools.Engine.Tasks;
using EcsTools.Errors;
using EcsTools.Input;
using EcsTools.Mapping;

namespace EcsTools.Commands;

/// <summary>Each input: the engine prepares its calls, ShouldProcess, the engine sends them, and each call's tasks and failures are written as they arrive.</summary>
public sealed partial class StartEcsTaskCommand
{
    private void RunTasks(string taskDefinition, string? cluster, int inputIndex)
    {
        var launch = Prepare(taskDefinition, ct => _launcher!.PrepareRunAsync(Connection, taskDefinition, cluster, inputIndex, ct));
        var placement = ParameterSetName switch
        {
            ByLaunchType => $"with launch type {LaunchType.ToUpperInvariant()}",
            ByCapacityProvider => $"with capacity provider strategy {CapacityProviderInput.Describe(_request!.CapacityProviderStrategy!)}",
            _ => "with the cluster's default capacity provider strategy",
        };
        if (launch is not null && ShouldProcess(Target(taskDefinition, cluster), $"Start {Count} task(s) {placement}"))
        {
            Send(launch);
        }
    }

    private void StartTasks(StartTaskGroup group)
    {
        var (taskDefinition, cluster, instances) = (group.TaskDefinition, group.Cluster, group.ContainerInstances);
        var launch = Prepare(taskDefinition, ct => _launcher!.PrepareStartAsync(Connection, taskDefinition, cluster, instances, ct));
        var shown = instances.Count <= 3 ? string.Join(", ", instances) : $"{string.Join(", ", instances.Take(3))} and {instances.Count - 3} more";
        if (launch is not null && ShouldProcess(Target(taskDefinition, cluster), $"Start {instances.Count} task(s) on container instance(s) {shown}"))
        {
            Send(launch);
        }
    }

    private static string Target(string taskDefinition, string? cluster) => $"task definition '{taskDefinition}' on cluster '{cluster ?? "default"}'";

    /// <summary>The calls of one input; null (and an error) when this input cannot be sent.</summary>
    private TaskLaunch? Prepare(string taskDefinition, Func<CancellationToken, Task<TaskLaunch>> prepare)
    {
        try
        {
            return Await(prepare);
        }
        catch (EcsInputException e)
        {
            WriteError(ErrorRecords.FromInput(e, e.Target ?? taskDefinition));
        }
        catch (EcsServiceException e)
        {
            // DescribeTaskDefinition, for the name of the container that -Command and -Environment override.
            WriteServiceError(e, taskDefinition, null, taskDefinition);
        }

        return null;
    }

    private void Send(TaskLaunch launch) => ForEach(launch.SendAsync(Connection), Write);

    private void Write(TaskLaunchBatch batch)
    {
        var launch = batch.Launch;
        if (VerboseWanted)
        {
            WriteVerbose(launch.Operation == TaskLaunch.RunTask
                ? $"RunTask {launch.TaskDefinition}: call {batch.Call} of {launch.Calls}, {batch.Asked} task(s)."
                : $"StartTask {launch.TaskDefinition} on {batch.Asked} container instance(s).");
        }

        if (batch.Error is { } error)
        {
            WriteServiceError(error, launch.TaskDefinition, launch.Cluster, launch.TaskDefinition);
            return;
        }

        foreach (var task in batch.Tasks)
        {
            WriteStarted(EcsObjects.ToTask(task));
        }

        foreach (var failure in batch.Failures)
        {
            WriteFailure(failure, launch.Operation, $"task definition '{launch.TaskDefinition}'");
        }

        if (batch.Unaccounted > 0)
        {
            WriteError(TaskErrors.FewerThanAsked(launch.Operation, launch.TaskDefinition, launch.Cluster, batch.Asked, batch.Tasks.Count, batch.Failures.Count));
        }
    }
}
