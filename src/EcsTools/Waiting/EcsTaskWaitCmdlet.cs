using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine;
using EcsTools.Engine.Tasks;
using EcsTools.Engine.Waiting;
using EcsTools.Errors;
using EcsTools.Input;
using EcsTools.Mapping;
using EcsTools.Waiting;

namespace EcsTools.Waiting;

/// <summary>
/// Base of the cmdlets that wait for tasks (Wait-EcsTask, Start-EcsTask -Wait): DescribeTasks polls (100 tasks a request, with their tags) on the engine's <see cref="PollLoop"/> (the one the task set waits use too),
/// whose callbacks the pipeline thread turns into output, errors and Write-Progress.
/// </summary>
public abstract class EcsTaskWaitCmdlet : EcsCmdlet
{
    private const int ProgressActivityId = 0x45435354; // "ECST"
    private static readonly TimeSpan s_progressTick = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, IReadOnlySet<string>?> _essentialContainers = new(StringComparer.Ordinal);

    // With -FollowLog, what a settled task writes (the task, its error) waits until that poll's logs are read to its end,
    // so that a task's last lines come before its outcome. Listed on Ctrl+C and -ErrorAction Stop as still not written.
    private readonly List<(WaitedTask Task, Action Write)> _held = [];

    /// <summary>The tasks this command follows: each is written (or reported in an error) when it settles.</summary>
    internal TaskWaitSet WaitedTasks { get; } = new();

    /// <summary>-FollowLog: the logs of the waited tasks are read after each poll, and a settled task is written after its last lines.</summary>
    private protected Logs.WaitLogFollower? LogFollower { get; set; }

    // Tasks not written yet: those still waited for, and those settled whose writing is held for their last lines.
    private List<WaitedTask> Unwritten()
    {
        var unwritten = WaitedTasks.PendingSnapshot().ToList();
        lock (_held)
        {
            unwritten.AddRange(_held.Select(h => h.Task));
        }

        return unwritten;
    }

    // On the pipeline thread: writes what settled tasks held back whose logs are done (all of it when the wait is over),
    // in the order they settled, taking one at a time off the list: a write that stops the pipeline (a failed task's
    // error under -ErrorAction Stop) leaves the others listed as unwritten.
    private void WriteHeld(bool all)
    {
        while (true)
        {
            Action write;
            lock (_held)
            {
                var next = _held.FindIndex(h => all || LogFollower?.Reading(h.Task.Last?.TaskArn) != true);
                if (next < 0)
                {
                    return;
                }

                write = _held[next].Write;
                _held.RemoveAt(next);
            }

            write();
        }
    }

    /// <summary>Ctrl+C: the tasks not written yet are listed (by ARN) before the pipeline stops, so none is lost.</summary>
    protected override void StopProcessing()
    {
        // Listed before the wait is cancelled: the pipeline thread is still blocked in its sleep or request, so the
        // pipeline (whose warning buffers a hosted runspace writes to) has not ended yet.
        var pending = Unwritten();
        StopNotice.Warn(
            this,
            $"{MyInvocation.MyCommand.Name} was stopped before it wrote {pending.Count} task(s) it {(this is Commands.StartEcsTaskCommand ? "started" : "was waiting for")}; "
            + "they may still be running:",
            pending.Select(t => $"{t.Last?.TaskArn ?? t.Reference} ({t.State})").ToList(),
            "Get-EcsTask -Task <ARN> shows one; Stop-EcsTask -Task <ARN> stops it.");
        base.StopProcessing();
    }

    /// <summary>
    /// -ErrorAction Stop: an error (a failed task, say) ends the command while other tasks are still followed; they are
    /// listed in one warning (ARN and last state), which -WarningVariable and transcripts keep, so none is lost.
    /// </summary>
    private protected override void BeforeErrorStops()
    {
        var pending = Unwritten();
        if (pending.Count == 0)
        {
            return;
        }

        var lines = pending.Select(t => $"  {t.Last?.TaskArn ?? t.Reference} ({t.State})");
        WriteWarning($"{MyInvocation.MyCommand.Name} stops at the next error (-ErrorAction Stop) before it wrote {pending.Count} task(s) it "
            + $"{(this is Commands.StartEcsTaskCommand ? "started" : "was waiting for")}; they may still be running:{Environment.NewLine}"
            + string.Join(Environment.NewLine, lines) + Environment.NewLine
            + "Get-EcsTask -Task <ARN> shows one; Stop-EcsTask -Task <ARN> stops it.");
    }

    /// <summary>Waits until every task of <paramref name="tasks"/> is in the target state, has failed, or the wait times out; writes each as it settles.</summary>
    internal void WaitForTasks(TaskWaitSet tasks, TaskWaitOptions options)
    {
        if (tasks.Count == 0)
        {
            return;
        }

        var settings = options.Settings;
        WriteVerbose($"Waiting for {tasks.Count} task(s) to be {options.TargetState}: polling every {TaskErrors.Seconds(settings.PollInterval)} for "
            + $"{TaskErrors.Seconds(PollSchedule.SteadyPhase)}, then backing off to {TaskErrors.Seconds(PollSchedule.CeilingFor(settings.PollInterval))}; "
            + (settings.Timeout is { } t ? $"timeout {TaskErrors.Duration(t)}." : "no timeout."));
        using var queue = new PipelineQueue();
        var observer = new PollObserver
        {
            Waiting = context => queue.Post(() => WriteProgress(Progress(tasks, options, context.Elapsed))),
            DeadlineCancelled = context => queue.Post(() =>
                WriteVerbose($"Poll {context.Attempt}: the wait's time ran out with a request in flight; it was cancelled.")),
            AfterPoll = async (context, token) =>
            {
                if (LogFollower is { } logs)
                {
                    await logs.AfterPollAsync(queue, Unwritten, tasks, WriteInformation, WriteWarning, WriteVerbose, token).ConfigureAwait(false);
                    queue.Post(() => WriteHeld(all: false));
                }
            },
        };
        var loopOptions = new PollLoopOptions(settings) { PollFirst = true, WaitingTick = s_progressTick };
        var result = RunWait(queue, ct => PollLoop.RunAsync(loopOptions, (context, token) => PollAsync(queue, tasks, options, token), observer, WaitTime, ct));
        WriteHeld(all: true);
        if (result.Outcome == PollOutcome.PollsFailed && tasks.PendingCount > 0)
        {
            var abandoned = tasks.Pending.ToList();
            abandoned.ForEach(p => p.Done = true);
            WriteError(TaskErrors.PollsFailed(result.LastError!, abandoned, result.FailedPolls));
        }
        else if (result.Outcome == PollOutcome.TimedOut && tasks.PendingCount > 0)
        {
            var pending = tasks.Pending.ToList();
            pending.ForEach(p => p.Done = true);
            WriteError(TaskErrors.Timeout(pending, result.Elapsed, options.TargetState));
        }

        WriteProgress(new ProgressRecord(ProgressActivityId, Activity(tasks, options), "Done.") { RecordType = ProgressRecordType.Completed });
    }

    /// <summary>
    /// One poll, on the loop's thread: DescribeTasks for the pending tasks of each cluster (100 a request), each answer
    /// handed to the pipeline thread, which writes what settled. Reports the last transient error, if any.
    /// </summary>
    private async Task<PollReport> PollAsync(PipelineQueue queue, TaskWaitSet tasks, TaskWaitOptions options, CancellationToken token)
    {
        EcsServiceException? transient = null;
        foreach (var (cluster, group) in tasks.PendingByCluster())
        {
            var references = group.Select(t => t.Reference).ToList();
            // With the tags (include TAGS: same requests, a few bytes more): without them ECS answers an empty list, and
            // the task written would read as untagged when the task started or piped in had tags.
            var result = await Connection.DescribeTasksInBatchesAsync(cluster, references, includeTags: true, token).ConfigureAwait(false);
            transient = await queue.InvokeAsync(() => Absorb(cluster, group, references.Count, result, options, token)).ConfigureAwait(false) ?? transient;
        }

        return new PollReport(tasks.PendingCount == 0, transient);
    }

    /// <summary>On the pipeline thread: one cluster's DescribeTasks answer; writes what settled; returns the last transient error, if any.</summary>
    private EcsServiceException? Absorb(string? cluster, IReadOnlyList<WaitedTask> group, int asked, TaskBatchResult result, TaskWaitOptions options, CancellationToken token)
    {
        EcsServiceException? transient = null;
        var byId = group.ToDictionary(t => t.Id, StringComparer.Ordinal);
        WriteDebug($"DescribeTasks: {asked} task(s) of cluster {TaskTargets.Show(cluster)} in {result.Requests} request(s).");
        foreach (var data in result.Tasks)
        {
            if (data.TaskArn is { } arn && byId.TryGetValue(TaskIds.IdOf(arn), out var waited) && !waited.Done)
            {
                waited.Reference = arn;
                waited.Last = EcsObjects.ToTask(data);
                Settle(waited, waited.Last, options, token);
            }
        }

        foreach (var failure in result.Failures)
        {
            WaitedTask? waited = failure.Arn is { } arn && byId.TryGetValue(TaskIds.IdOf(arn), out var found) ? found : null;
            if (waited is { Done: true })
            {
                continue;
            }

            if (waited is not null)
            {
                waited.Done = true;
            }

            WriteError(failure.Reason == "MISSING"
                ? TaskErrors.NotFound(waited?.Reference ?? failure.Arn ?? "", cluster, "DescribeTasks")
                : ErrorRecords.FromFailure(new EcsFailure(failure.Arn, failure.Reason, failure.Detail), "DescribeTasks"));
        }

        foreach (var error in result.Errors)
        {
            if (PollReport.IsTransient(error.Exception))
            {
                transient = error.Exception;
                WriteWarning($"DescribeTasks failed ({error.Exception.ErrorCode}: {error.Exception.Message}); the wait goes on and the next poll tries again.");
                continue;
            }

            var failed = error.Tasks.Select(TaskIds.IdOf).Where(byId.ContainsKey).Select(id => byId[id]).ToList();
            failed.ForEach(t => t.Done = true);
            // Named as Start-, Get- and Stop-EcsTask name it: ClusterNotFound says which cluster, in which region.
            WriteError(ErrorRecords.FromService(error.Exception, failed.Select(t => (object?)t.Last ?? t.Reference).ToArray(), Scope(cluster)));
        }

        return transient;
    }

    private void Settle(WaitedTask waited, EcsTask task, TaskWaitOptions options, CancellationToken token)
    {
        var outcome = TaskWaitRules.Evaluate(task, options.UntilStopped, (t, c) => IsEssential(t, c, token));
        if (outcome == TaskOutcome.Pending)
        {
            return;
        }

        waited.Done = true;
        if (LogFollower is not null)
        {
            lock (_held)
            {
                _held.Add((waited, () => WriteSettled(task, outcome, options, token)));
            }

            return;
        }

        WriteSettled(task, outcome, options, token);
    }

    private void WriteSettled(EcsTask task, TaskOutcome outcome, TaskWaitOptions options, CancellationToken token)
    {
        if (!options.UntilStopped && outcome != TaskOutcome.Reached)
        {
            WriteError(outcome == TaskOutcome.FailedToStart ? TaskErrors.FailedToStart(task) : TaskErrors.StoppedBeforeRunning(task));
            return;
        }

        WriteObject(task);
        if (options.IgnoreTaskFailure && outcome != TaskOutcome.Reached)
        {
            WriteVerbose($"Task {task.TaskId} failed ({task.StopCode}; exit codes {task.ExitCodes}); -IgnoreTaskFailure: no error.");
            return;
        }

        if (outcome == TaskOutcome.FailedToStart)
        {
            WriteError(TaskErrors.FailedToStart(task));
        }
        else if (outcome == TaskOutcome.EssentialContainerFailed)
        {
            WriteError(TaskErrors.EssentialContainerFailed(task, TaskWaitRules.FailedExits(task).Where(c => IsEssential(task, c, token)).ToArray()));
        }
    }

    /// <summary>From the task definition (DescribeTaskDefinition once per ARN); a container is essential unless it says otherwise.</summary>
    private bool IsEssential(EcsTask task, EcsContainer container, CancellationToken token)
    {
        var definition = task.TaskDefinitionArn;
        if (string.IsNullOrEmpty(definition))
        {
            return true;
        }

        if (!_essentialContainers.TryGetValue(definition, out var essential))
        {
            try
            {
                essential = Await(ct => Connection.EssentialContainersAsync(definition, ct), token);
            }
            catch (EcsServiceException e)
            {
                WriteWarning($"Could not read task definition {definition} to tell which containers are essential ({e.ErrorCode}: {e.Message}); "
                    + "every container that exited non-zero counts as a failure.");
                essential = null;
            }

            _essentialContainers[definition] = essential;
        }

        return essential is null || (container.Name is { } name && essential.Contains(name));
    }

    private static string Activity(TaskWaitSet tasks, TaskWaitOptions options) =>
        $"Waiting for {tasks.Count} ECS task(s) to be {options.TargetState}";

    private static ProgressRecord Progress(TaskWaitSet tasks, TaskWaitOptions options, TimeSpan waited)
    {
        var done = tasks.Count - tasks.PendingCount;
        var status = $"{done} of {tasks.Count} done; waiting: {tasks.DescribeStates()}; waited {TaskErrors.Duration(waited)}";
        var record = new ProgressRecord(ProgressActivityId, Activity(tasks, options), status)
        {
            PercentComplete = (int)(100L * done / tasks.Count),
        };
        if (options.Settings.Timeout is { } timeout)
        {
            record.SecondsRemaining = (int)Math.Clamp((timeout - waited).TotalSeconds, 0, int.MaxValue); // -Timeout can exceed int seconds
        }

        return record;
    }
}
