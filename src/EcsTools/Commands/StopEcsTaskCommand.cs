using System.Linq;
using System.Management.Automation;
using EcsTools.Completion;
using EcsTools.Engine;
using EcsTools.Engine.Model;
using EcsTools.Input;
using EcsTools.Internal;

namespace EcsTools.Commands;

/// <summary>Stops ECS tasks (StopTask, one request a task) and writes each stopping task.</summary>
[Cmdlet(VerbsLifecycle.Stop, "EcsTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(EcsTask))]
public sealed class StopEcsTaskCommand : EcsCmdlet
{
    /// <summary>The most characters ECS takes in a stop reason.</summary>
    internal const int MaxReasonLength = 255;

    /// <summary>Task ids or ARNs.</summary>
    [TextInput(typeof(StopEcsTaskCommand), nameof(Task))]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("TaskArn", "TaskId", "Tasks")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskCompleter))]
    public string[] Task { get; set; } = [];

    /// <summary>The cluster name or ARN; the default cluster when omitted (for task ARNs, the cluster in the ARN).</summary>
    [TextInput(typeof(StopEcsTaskCommand), nameof(Cluster))]
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ClusterArn", "ClusterName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterCompleter))]
    public string? Cluster { get; set; }

    /// <summary>Why the task is stopped (up to 255 characters); shown as the task's stopped reason.</summary>
    [TextInput(typeof(StopEcsTaskCommand), nameof(Reason))]
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Reason { get; set; }

    protected override void ValidateInput()
    {
        if (Reason is { Length: > MaxReasonLength })
        {
            ThrowInvalidArgument("ReasonTooLong", $"-Reason is {Reason.Length} characters long; ECS takes at most {MaxReasonLength}.", Reason,
                $"Shorten the reason to {MaxReasonLength} characters or fewer.");
        }
    }

    protected override void ProcessRecord()
    {
        if (RefuseInputObjects())
        {
            return;
        }

        foreach (var task in Task.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            var cluster = TaskTargets.ClusterFor(Cluster, task);
            if (!ShouldProcess($"task '{task}' in cluster '{TaskTargets.Show(cluster)}'", "Stop"))
            {
                continue;
            }

            StopTaskResponse response;
            try
            {
                response = Await(ct => Connection.StopTaskAsync(new StopTaskRequest { Cluster = cluster, Task = task, Reason = Reason }, ct));
            }
            catch (EcsServiceException e)
            {
                WriteError(TaskErrors.IsTaskNotFound(e) ? TaskErrors.StopNotFound(e, task, cluster) : ErrorRecords.FromService(e, task, Scope(cluster)));
                continue;
            }

            if (response.Task is { } stopped)
            {
                WriteObject(EcsObjects.ToTask(stopped));
            }
        }
    }
}
