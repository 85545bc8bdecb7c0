using System.Management.Automation;
using EcsTools.Completion;
using EcsTools.Engine.TaskSets;
using EcsTools.Input;

namespace EcsTools.Commands;

/// <summary>
/// Deletes a task set (DeleteTaskSet) and outputs it as ECS last reported it (DRAINING). Asks first (ConfirmImpact
/// High) unless -Force or -Confirm:$false. ECS refuses to delete a task set that has not been scaled down to zero
/// unless -IgnoreScale is given.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "EcsTaskSet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(EcsTaskSet))]
public sealed class RemoveEcsTaskSetCommand : EcsCmdlet
{
    /// <summary>The task set: id (ecs-svc/...) or ARN. An ARN names its cluster and service.</summary>
    [TextInput(typeof(RemoveEcsTaskSetCommand), nameof(TaskSet))]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("TaskSetArn", "Id", "TaskSetId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskSetCompleter))]
    public string TaskSet { get; set; } = "";

    /// <summary>The cluster of the service: name or ARN; the one in the task set ARN when omitted.</summary>
    [TextInput(typeof(RemoveEcsTaskSetCommand), nameof(Cluster))]
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ClusterArn", "ClusterName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterCompleter))]
    public string? Cluster { get; set; }

    /// <summary>The service: name or ARN; the one in the task set ARN when omitted.</summary>
    [TextInput(typeof(RemoveEcsTaskSetCommand), nameof(Service))]
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ServiceArn", "ServiceName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceCompleter))]
    public string? Service { get; set; }

    /// <summary>Delete the task set even if it has not been scaled down to zero (the API's force): its tasks are stopped.</summary>
    [Parameter]
    public SwitchParameter IgnoreScale { get; set; }

    /// <summary>Do not ask for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

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

        var description = $"task set '{TaskSet}' of service '{target.Service}' in cluster '{target.Cluster}'";
        var action = IgnoreScale ? "Delete the task set, even if it still runs tasks" : "Delete the task set";
        if (Confirmed(description, action)
            && TryAwait(ct => Connection.DeleteTaskSetAsync(target, IgnoreScale, ct), TaskSet, target.Cluster, null, out var deleted)
            && deleted is not null)
        {
            WriteObject(new EcsTaskSet(deleted));
        }
    }

    // -Force skips the prompt that ConfirmImpact High brings, unless -Confirm is given explicitly; -WhatIf still only describes.
    private bool Confirmed(string target, string action)
    {
        if (!Force || MyInvocation.BoundParameters.ContainsKey("Confirm"))
        {
            return ShouldProcess(target, action);
        }

        if (WhatIfRequested())
        {
            ShouldProcess(target, action);
            return false;
        }

        WriteVerbose($"{action}: {target} (-Force: not asking).");
        return true;
    }

    private bool WhatIfRequested() => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value)
        ? LanguagePrimitives.IsTrue(value)
        : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
}
