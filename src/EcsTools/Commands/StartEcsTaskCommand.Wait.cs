using System;
using System.Management.Automation;
using EcsTools.Errors;
using EcsTools.Input;
using EcsTools.Session;
using EcsTools.Waiting;

namespace EcsTools.Commands;

/// <summary>Start-EcsTask -Wait / -WaitUntil: the started tasks are waited for as Wait-EcsTask would, and written when they get there.</summary>
public sealed partial class StartEcsTaskCommand
{
    /// <summary>Wait until the started tasks have stopped (as -WaitUntil Stopped), and write them then instead of at once.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>Wait until the started tasks are Running or Stopped, and write them then instead of at once. -Until is an alias (as on Wait-EcsTask).</summary>
    [Parameter]
    [Alias("Until")]
    [ValidateSet("Running", "Stopped", IgnoreCase = true)]
    public string? WaitUntil { get; set; }

    /// <summary>
    /// With -Wait or -WaitUntil: how long to wait, in seconds or as a TimeSpan; -1 for no limit. Default: 10 minutes for
    /// Running, no limit for Stopped.
    /// </summary>
    [Parameter]
    [TimeSpanArgument]
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// With -Wait or -WaitUntil: the interval between polls for the first 30 seconds of the wait, in seconds or as a
    /// TimeSpan (default 1 s), from the start of one poll to the start of the next; after that it grows 1.5 times a poll, up
    /// to 15 times this or 30 s, whichever is smaller.
    /// </summary>
    [Parameter]
    [TimeSpanArgument]
    public TimeSpan? PollInterval { get; set; }

    /// <summary>With -Wait or -WaitUntil Stopped: write tasks that failed as output only, without an error.</summary>
    [Parameter]
    public SwitchParameter IgnoreTaskFailure { get; set; }

    /// <summary>
    /// With -Wait or -WaitUntil: while waiting, write each container's new log lines (awslogs) to the Information stream,
    /// as "[task-id container] line", tagged with the task and container; shown like Write-Host, kept by
    /// -InformationVariable, 6&gt;&amp;1 and transcripts.
    /// </summary>
    [Parameter]
    public SwitchParameter FollowLog { get; set; }

    private TaskWaitOptions? _waitOptions;

    private bool Waits => Wait.IsPresent || WaitUntil is not null;

    // Bound, and not something $PSDefaultParameterValues supplies for this command (when both could have, no wait
    // happens either way, so ignoring it loses nothing).
    private bool Typed(string parameter) =>
        MyInvocation.BoundParameters.ContainsKey(parameter)
        && DefaultParameterValues.Find(
            SessionState.PSVariable.GetValue("PSDefaultParameterValues") as System.Collections.IDictionary,
            MyInvocation.MyCommand.Name, parameter) is null;

    protected override void BeginProcessing()
    {
        // A wait setting given on the command line without a wait is a mistake; one that comes from
        // $PSDefaultParameterValues (e.g. '*-Ecs*:PollInterval' in a profile) is simply not used.
        if (!Waits && (Typed(nameof(Timeout)) || Typed(nameof(PollInterval)) || Typed(nameof(IgnoreTaskFailure)) || Typed(nameof(FollowLog))))
        {
            ThrowInvalidArgument(ErrorIds.WaitParameterWithoutWait,
                InputMessages.WaitParameterWithoutWait, null,
                InputMessages.WaitParameterWithoutWaitAction);
        }

        if (Waits)
        {
            var untilStopped = WaitUntil is null || string.Equals(WaitUntil, "Stopped", StringComparison.OrdinalIgnoreCase);
            _waitOptions = new TaskWaitOptions(untilStopped, CheckWaitSettings(Timeout, PollInterval, TaskWaitOptions.DefaultTimeout(untilStopped)), IgnoreTaskFailure);
        }

        base.BeginProcessing();
    }

    /// <summary>A task the service started: written now, or followed by the wait.</summary>
    private void WriteStarted(EcsTask task)
    {
        if (!Waits)
        {
            WriteObject(task);
            return;
        }

        WaitedTasks.Add(task.ClusterArn, task.TaskArn, task);
        WriteVerbose($"Started task {task.TaskId} ({task.LastStatus}); it is waited for.");
    }

    private void WaitForStarted()
    {
        if (_waitOptions is { } options)
        {
            LogFollower = FollowLog ? new Logs.WaitLogFollower(Connection, WaitTime) : null;
            WaitForTasks(WaitedTasks, options);
        }
    }
}
