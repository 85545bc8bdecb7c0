using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EcsTools.Engine;
using EcsTools.Engine.Model;
using EcsTools.Internal;

namespace EcsTools;

/// <summary>
/// Base of the cmdlets that wait for tasks (Wait-EcsTask, Start-EcsTask -Wait): one loop on the pipeline thread of
/// DescribeTasks polls (100 tasks a request), Write-Progress, and sleeps that Ctrl+C ends at once, backing off per <see cref="PollSchedule"/>
/// (the schedule and <see cref="PollLoop"/> the task set waits use too).
/// </summary>
public abstract class EcsTaskWaitCmdlet : EcsCmdlet
{
    /// <summary>After this many polls in a row fail with throttling or a server or network error, the wait stops.</summary>
    internal const int MaxFailedPolls = 5;

    private const int ProgressActivityId = 0x45435354; // "ECST"
    private static readonly TimeSpan s_progressTick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_resolution = TimeSpan.FromMilliseconds(1);

    private readonly Dictionary<string, HashSet<string>?> _essentialContainers = new(StringComparer.Ordinal);

    // The running wait's schedule: requests made while waiting are cancelled at its deadline.
    private PollSchedule? _schedule;

    /// <summary>The tasks this command follows: each is written (or reported in an error) when it settles.</summary>
    internal TaskWaitSet WaitedTasks { get; } = new();

    /// <summary>Ctrl+C: the tasks not written yet are listed (by ARN) before the pipeline stops, so none is lost.</summary>
    protected override void StopProcessing()
    {
        // Listed before the wait is cancelled: the pipeline thread is still blocked in its sleep or request, so the
        // pipeline (whose warning buffers a hosted runspace writes to) has not ended yet.
        var pending = WaitedTasks.PendingSnapshot();
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
        var pending = WaitedTasks.PendingSnapshot();
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

        var schedule = new PollSchedule(options.PollInterval, options.Timeout ?? TimeSpan.MaxValue);
        _schedule = options.Timeout is null ? null : schedule;
        var failedPolls = 0;
        WriteVerbose($"Waiting for {tasks.Count} task(s) to be {options.TargetState}: polling every {TaskErrors.Seconds(schedule.InitialInterval)} at first, "
            + $"backing off to {TaskErrors.Seconds(schedule.Ceiling)}; " + (options.Timeout is { } t ? $"timeout {TaskErrors.Duration(t)}." : "no timeout."));
        bool PollOnce(int attempt)
        {
            EcsServiceException? transient;
            try
            {
                transient = Poll(tasks, options);
            }
            catch (WaitDeadlineException)
            {
                WriteVerbose($"Poll {attempt}: the wait's time ran out with a request in flight; it was cancelled.");
                return tasks.PendingCount == 0;
            }

            failedPolls = transient is null ? 0 : failedPolls + 1;
            if (transient is not null && failedPolls >= MaxFailedPolls && tasks.PendingCount > 0)
            {
                var abandoned = tasks.Pending.ToList();
                abandoned.ForEach(p => p.Done = true);
                WriteError(TaskErrors.PollsFailed(transient, abandoned, failedPolls));
            }

            return tasks.PendingCount == 0;
        }

        if (!PollLoop.Run(schedule, PollOnce, delay => Sleep(delay, tasks, options, schedule), pollFirst: true))
        {
            var pending = tasks.Pending.ToList();
            pending.ForEach(p => p.Done = true);
            WriteError(TaskErrors.Timeout(pending, schedule.Elapsed, options.TargetState));
        }

        WriteProgress(new ProgressRecord(ProgressActivityId, Activity(tasks, options), "Done.") { RecordType = ProgressRecordType.Completed });
    }

    /// <summary>
    /// Sleeps in slices of at most a second, refreshing the progress between them. The sleep waits on the stop token's
    /// handle on the pipeline thread: Ctrl+C (StopProcessing) ends it at once, and it needs no thread-pool thread, so a
    /// busy or starved pool (a host that blocks pool threads) cannot stretch it; Task.Delay through Await was measured
    /// stalling 0.5-0.8 s a slice in such a host.
    /// </summary>
    private void Sleep(TimeSpan delay, TaskWaitSet tasks, TaskWaitOptions options, PollSchedule schedule)
    {
        var end = schedule.Elapsed + delay;
        while (true)
        {
            WriteProgress(Progress(tasks, options, schedule));
            var left = end - schedule.Elapsed;
            if (left < s_resolution)
            {
                return;
            }

            var slice = left < s_progressTick ? left : s_progressTick;
            if (StopToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(Math.Ceiling(slice.TotalMilliseconds))))
            {
                throw new PipelineStoppedException();
            }
        }
    }

    /// <summary>One DescribeTasks round over the pending tasks; returns the last transient error, if any.</summary>
    private EcsServiceException? Poll(TaskWaitSet tasks, TaskWaitOptions options)
    {
        EcsServiceException? transient = null;
        foreach (var (cluster, group) in tasks.PendingByCluster())
        {
            var byId = group.ToDictionary(t => t.Id, StringComparer.Ordinal);
            var references = group.Select(t => t.Reference).ToList();
            var result = AwaitInWait(ct => Connection.DescribeTasksInBatchesAsync(cluster, references, includeTags: false, ct));
            WriteDebug($"DescribeTasks: {references.Count} task(s) of cluster {TaskTargets.Show(cluster)} in {result.Requests} request(s).");
            foreach (var data in result.Tasks)
            {
                if (data.TaskArn is { } arn && byId.TryGetValue(TaskIds.IdOf(arn), out var waited) && !waited.Done)
                {
                    waited.Reference = arn;
                    waited.Last = EcsObjects.ToTask(data);
                    Settle(waited, waited.Last, options);
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
                if (IsTransient(error.Exception))
                {
                    transient = error.Exception;
                    WriteWarning($"DescribeTasks failed ({error.Exception.ErrorCode}: {error.Exception.Message}); the wait goes on and the next poll tries again.");
                    continue;
                }

                var failed = error.Tasks.Select(TaskIds.IdOf).Where(byId.ContainsKey).Select(id => byId[id]).ToList();
                failed.ForEach(t => t.Done = true);
                WriteError(ErrorRecords.FromService(error.Exception, failed.Select(t => (object?)t.Last ?? t.Reference).ToArray()));
            }
        }

        return transient;
    }

    private void Settle(WaitedTask waited, EcsTask task, TaskWaitOptions options)
    {
        var outcome = TaskWaitRules.Evaluate(task, options.UntilStopped, IsEssential);
        if (outcome == TaskOutcome.Pending)
        {
            return;
        }

        waited.Done = true;
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
            WriteError(TaskErrors.EssentialContainerFailed(task, TaskWaitRules.FailedExits(task).Where(c => IsEssential(task, c)).ToArray()));
        }
    }

    /// <summary>From the task definition (DescribeTaskDefinition once per ARN); a container is essential unless it says otherwise.</summary>
    private bool IsEssential(EcsTask task, EcsContainer container)
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
                var response = AwaitInWait(ct => Connection.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = definition }, ct));
                essential = (response.TaskDefinition?.ContainerDefinitions ?? [])
                    .Where(c => c.Essential != false && c.Name is not null)
                    .Select(c => c.Name!)
                    .ToHashSet(StringComparer.Ordinal);
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

    // A request of the wait: bounded by the wait's deadline when it has one (WaitDeadlineException when it runs out).
    private T AwaitInWait<T>(Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<T>> operation) =>
        _schedule is { } schedule ? AwaitBy(schedule.Remaining, operation) : Await(operation);

    private static bool IsTransient(EcsServiceException e) =>
        e.Kind is EcsErrorKind.Throttled or EcsErrorKind.Server or EcsErrorKind.Network or EcsErrorKind.Timeout;

    private static string Activity(TaskWaitSet tasks, TaskWaitOptions options) =>
        $"Waiting for {tasks.Count} ECS task(s) to be {options.TargetState}";

    private static ProgressRecord Progress(TaskWaitSet tasks, TaskWaitOptions options, PollSchedule schedule)
    {
        var waited = schedule.Elapsed;
        var done = tasks.Count - tasks.PendingCount;
        var status = $"{done} of {tasks.Count} done; waiting: {tasks.DescribeStates()}; waited {TaskErrors.Duration(waited)}";
        var record = new ProgressRecord(ProgressActivityId, Activity(tasks, options), status)
        {
            PercentComplete = (int)(100L * done / tasks.Count),
        };
        if (options.Timeout is { } timeout)
        {
            record.SecondsRemaining = (int)Math.Clamp((timeout - waited).TotalSeconds, 0, int.MaxValue); // -Timeout can exceed int seconds
        }

        return record;
    }
}
