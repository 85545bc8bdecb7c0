using System.Linq;
using System.Management.Automation;
using EcsTools.Completion;
using EcsTools.Engine;
using EcsTools.Engine.Tasks;
using EcsTools.Errors;
using EcsTools.Input;
using EcsTools.Mapping;

namespace EcsTools.Commands;

/// <summary>Stops ECS tasks (StopTask, one request a task) and writes each stopping task.</summary>
[Cmdlet(VerbsLifecycle.Stop, "EcsTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(EcsTask))]
public sealed class StopEcsTaskCommand : EcsCmdlet
{
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
        if (Reason is { Length: > TaskStopRequest.MaxReasonLength })
        {
            ThrowInvalidArgument(ErrorIds.ReasonTooLong, InputMessages.ReasonTooLong(Reason.Length), Reason,
                InputMessages.ReasonTooLongAction());
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
            var cluster = ClusterOfTask(Cluster, task);
            if (!ShouldProcess($"task '{task}' in cluster '{TaskTargets.Show(cluster)}'", "Stop"))
            {
                continue;
            }

            TaskInfo? stopped;
            try
            {
                stopped = Await(ct => Connection.StopTaskAsync(new TaskStopRequest(task, cluster, Reason), ct));
            }
            catch (EcsServiceException e)
            {
                WriteError(TaskErrors.IsTaskNotFound(e) ? TaskErrors.StopNotFound(e, task, cluster) : ErrorRecords.FromService(e, task, Scope(cluster)));
                continue;
            }

            if (stopped is not null)
            {
                WriteObject(EcsObjects.ToTask(stopped));
            }
        }
    }
}
