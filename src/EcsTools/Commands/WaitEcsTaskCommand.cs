using System;
using System.Linq;
using System.Management.Automation;
using EcsTools.Completion;
using EcsTools.Input;
using EcsTools.Waiting;

namespace EcsTools.Commands;

/// <summary>
/// Waits until ECS tasks are RUNNING or STOPPED and writes each as it gets there; a task that fails (stops before it
/// runs, fails to start, or an essential container exits non-zero) is an error, as is a task that disappears or a timeout.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "EcsTask")]
[OutputType(typeof(EcsTask))]
public sealed class WaitEcsTaskCommand : EcsTaskWaitCmdlet
{

    /// <summary>Task ids or ARNs.</summary>
    [TextInput(typeof(WaitEcsTaskCommand), nameof(Task))]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("TaskArn", "TaskId", "Tasks")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskCompleter))]
    public string[] Task { get; set; } = [];

    /// <summary>The cluster name or ARN; the default cluster when omitted (for task ARNs, the cluster in the ARN).</summary>
    [TextInput(typeof(WaitEcsTaskCommand), nameof(Cluster))]
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ClusterArn", "ClusterName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterCompleter))]
    public string? Cluster { get; set; }

    /// <summary>The state to wait for: Stopped (the default) or Running. -Until, its earlier name, still works as an alias (Start-EcsTask takes -WaitUntil too).</summary>
    [Parameter]
    [Alias("Until")]
    [ValidateSet("Running", "Stopped", IgnoreCase = true)]
    public string WaitUntil { get; set; } = "Stopped";

    /// <summary>
    /// How long to wait, in seconds or as a TimeSpan; -1 for no limit. Default: 10 minutes when waiting for Running, no
    /// limit when waiting for Stopped.
    /// </summary>
    [Parameter]
    [TimeSpanArgument]
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// The interval between polls for the first 30 seconds of the wait, in seconds or as a TimeSpan (default 1 s), counted
    /// from the start of one poll to the start of the next; after that it grows 1.5 times a poll, up to 15 times this or
    /// 30 s, whichever is smaller, and each of those waits is shortened at random by up to a fifth (jitter).
    /// </summary>
    [Parameter]
    [TimeSpanArgument]
    public TimeSpan? PollInterval { get; set; }

    /// <summary>Waiting for Stopped: write tasks that failed (non-zero exit code of an essential container, or failed to start) as output only, without an error.</summary>
    [Parameter]
    public SwitchParameter IgnoreTaskFailure { get; set; }

    /// <summary>
    /// While waiting, write each container's new log lines (awslogs) to the Information stream, as "[task-id container]
    /// line", tagged with the task and container; shown like Write-Host, kept by -InformationVariable, 6&gt;&amp;1 and transcripts.
    /// </summary>
    [Parameter]
    public SwitchParameter FollowLog { get; set; }

    private TaskWaitOptions? _options;

    private bool UntilStopped => string.Equals(WaitUntil, "Stopped", StringComparison.OrdinalIgnoreCase);

    protected override void ValidateInput() =>
        _options = new TaskWaitOptions(UntilStopped, CheckWaitSettings(Timeout, PollInterval, TaskWaitOptions.DefaultTimeout(UntilStopped)), IgnoreTaskFailure);

    protected override void ProcessRecord()
    {
        if (RefuseInputObjects())
        {
            return;
        }

        foreach (var task in Task.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            if (!WaitedTasks.Add(ClusterOfTask(Cluster, task), task))
            {
                WriteVerbose($"Task {task} is already waited for.");
            }
        }
    }

    protected override void EndProcessing()
    {
        LogFollower = FollowLog ? new Logs.WaitLogFollower(Connection, WaitTime) : null;
        WaitForTasks(WaitedTasks, _options!);
    }
}
