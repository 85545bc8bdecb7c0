using System.Management.Automation;
using EcsTools.Completion;
using EcsTools.Engine.TaskSets;
using EcsTools.Errors;
using EcsTools.Input;
using EcsTools.Waiting;

namespace EcsTools.Commands;

/// <summary>
/// Changes a task set: its scale (UpdateTaskSet), and whether it is the service's primary task set
/// (UpdateServicePrimaryTaskSet), in that order when both are given. With -Wait, outputs each task set once it reaches
/// STEADY_STATE.
/// </summary>
[Cmdlet(VerbsCommon.Set, "EcsTaskSet", SupportsShouldProcess = true, DefaultParameterSetName = ByPrimary)]
[OutputType(typeof(EcsTaskSet))]
public sealed class SetEcsTaskSetCommand : TaskSetWaitingCmdlet
{
    private const string ByScale = "Scale";
    private const string ByPrimary = "Primary";

    private double? _scale;

    /// <summary>The task set: id (ecs-svc/...) or ARN. An ARN names its cluster and service.</summary>
    [TextInput(typeof(SetEcsTaskSetCommand), nameof(TaskSet))]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("TaskSetArn", "Id", "TaskSetId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskSetCompleter))]
    public string TaskSet { get; set; } = "";

    /// <summary>The cluster of the service: name or ARN; the one in the task set ARN when omitted.</summary>
    [TextInput(typeof(SetEcsTaskSetCommand), nameof(Cluster))]
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ClusterArn", "ClusterName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterCompleter))]
    public string? Cluster { get; set; }

    /// <summary>The service: name or ARN; the one in the task set ARN when omitted.</summary>
    [TextInput(typeof(SetEcsTaskSetCommand), nameof(Service))]
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ServiceArn", "ServiceName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceCompleter))]
    public string? Service { get; set; }

    /// <summary>The percentage of the service's desired count to run in the task set, from 0 to 100 (50, or '50%').</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByScale)]
    [PercentArgument]
    public double Scale { get; set; }

    /// <summary>Make the task set the service's primary task set (the one that serves production traffic).</summary>
    /// <remarks>Not mandatory in its set: with neither -Scale nor -Primary, PowerShell would prompt for a switch.</remarks>
    [Parameter(ParameterSetName = ByScale)]
    [Parameter(ParameterSetName = ByPrimary)]
    public SwitchParameter Primary { get; set; }

    private protected override void ValidateTaskSetInput()
    {
        // ECS has no call that makes a task set stop being primary: another task set becomes primary instead.
        if (ParameterSetName == ByPrimary && !MyInvocation.BoundParameters.ContainsKey(nameof(Primary)))
        {
            throw new InputValidationException(ErrorIds.NoChangeRequested,
                InputMessages.NoChangeRequested,
                InputMessages.NoChangeRequestedAction);
        }

        if (ParameterSetName == ByPrimary && !Primary)
        {
            throw new InputValidationException(ErrorIds.NoChangeRequested,
                InputMessages.PrimaryFalse,
                InputMessages.PrimaryFalseAction);
        }

        _scale = ParameterSetName == ByScale ? TaskSetInput.ToScale(Scale) : null;
    }

    protected override void ProcessRecord()
    {
        if (RefuseInputObjects())
        {
            return;
        }

        if (TaskSetArns.Resolve(Cluster, Service, TaskSet) is not { } target)
        {
            WriteError(TaskSetTargets.Unresolved(TaskSet, Cluster, Service));
            return;
        }

        var changes = (_scale is null ? "" : $"Set the scale to {TaskSetInput.Describe(Scale)}")
            + (_scale is not null && Primary ? " and make" : Primary ? "Make" : "")
            + (Primary ? " it the service's primary task set" : "");
        if (!ShouldProcess($"task set '{TaskSet}' of service '{target.Service}' in cluster '{target.Cluster}'", changes))
        {
            return;
        }

        TaskSetState? result = null;
        if (_scale is { } scale)
        {
            WriteVerbose($"UpdateTaskSet {TaskSet}: scale {TaskSetInput.Describe(Scale)}.");
            if (!TryAwait(ct => Connection.ScaleTaskSetAsync(target, scale, ct), TaskSet, target.Cluster, null, out result))
            {
                return;
            }
        }

        if (Primary)
        {
            WriteVerbose($"UpdateServicePrimaryTaskSet {TaskSet}.");
            if (!TryAwait(ct => Connection.MakeTaskSetPrimaryAsync(target, ct), TaskSet, target.Cluster, null, out var primary))
            {
                return;
            }

            result = primary ?? result;
        }

        if (result is null)
        {
            WriteError(ErrorRecords.Create(new System.InvalidOperationException($"ECS answered without the task set '{TaskSet}'."),
                ErrorIds.EmptyResponse, ErrorCategory.InvalidResult, TaskSet, $"Run Get-EcsTaskSet -Cluster {target.Cluster} -Service {target.Service} to see its state."));
            return;
        }

        WriteOrWait(result, target.Cluster, target.Service);
    }
}
