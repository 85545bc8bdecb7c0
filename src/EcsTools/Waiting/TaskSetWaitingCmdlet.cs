using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine;
using EcsTools.Engine.TaskSets;
using EcsTools.Engine.Waiting;
using EcsTools.Errors;
using EcsTools.Input;
using EcsTools.Waiting;

namespace EcsTools.Waiting;

/// <summary>
/// Base of the task set cmdlets that change a task set (New-EcsTaskSet, Set-EcsTaskSet): -Wait, -Timeout and
/// -PollInterval, and the wait itself. Each input is changed as it arrives; with -Wait the changed task sets are
/// collected and, once the input ends, polled together (one DescribeTaskSets per service per poll) until each reaches
/// STEADY_STATE, is gone, or the time runs out. Each is written as soon as it settles.
/// </summary>
public abstract class TaskSetWaitingCmdlet : EcsCmdlet
{
    // Right after a change ECS may not return the task set yet (reads are eventually consistent): give it a few polls.
    private const int MissesBeforeNotFound = 3;

    private readonly List<PendingTaskSet> _pending = [];

    // _pending changes on the pipeline thread; StopProcessing reads it from another thread.
    private readonly object _pendingGate = new();
    private int _nextActivityId = 1;

    /// <summary>Wait until each task set reaches STEADY_STATE, and output it then.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How long -Wait waits, from when it starts: seconds or a TimeSpan; -1 for no limit. Default 10 minutes.</summary>
    [Parameter]
    [TimeSpanArgument]
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// The interval between two polls of -Wait for the first 30 seconds of the wait, from the start of one to the start of
    /// the next: seconds or a TimeSpan (default 1 s); after that it grows 1.5 times a poll, up to 15 times this or 30
    /// seconds, whichever is smaller.
    /// </summary>
    [Parameter]
    [TimeSpanArgument]
    public TimeSpan? PollInterval { get; set; }

    private WaitSettings? _settings;

    protected sealed override void ValidateInput()
    {
        _settings = CheckWaitSettings(Timeout, PollInterval, TaskSetInput.DefaultTimeout);
        try
        {
            ValidateTaskSetInput();
        }
        catch (InputValidationException e)
        {
            ThrowTerminatingError(ErrorRecords.FromInput(e));
        }
    }

    /// <summary>The cmdlet's own client-side checks; throw <see cref="InputValidationException"/>. Nothing has been sent yet.</summary>
    private protected virtual void ValidateTaskSetInput()
    {
    }

    /// <summary>Ctrl+C: the task sets not written yet are listed (by ARN) before the pipeline stops, so none is lost.</summary>
    protected override void StopProcessing()
    {
        // Listed before the wait is cancelled, while the pipeline has not ended (see EcsTaskWaitCmdlet).
        var pending = PendingLines();
        StopNotice.Warn(
            this,
            $"{MyInvocation.MyCommand.Name} was stopped before it wrote {pending.Count} task set(s) it was waiting for (not yet in STEADY_STATE):",
            pending,
            PendingHint);
        base.StopProcessing();
    }

    /// <summary>-ErrorAction Stop: the task sets still waited for are listed in one warning before the error ends the command.</summary>
    private protected override void BeforeErrorStops()
    {
        var pending = PendingLines();
        if (pending.Count > 0)
        {
            WriteWarning($"{MyInvocation.MyCommand.Name} stops at the next error (-ErrorAction Stop) before it wrote {pending.Count} task set(s) "
                + $"it was waiting for (not yet in STEADY_STATE):{Environment.NewLine}"
                + string.Join(Environment.NewLine, pending.Select(p => "  " + p)) + Environment.NewLine + PendingHint);
        }
    }

    private const string PendingHint =
        "Get-EcsTaskSet -Cluster <cluster> -Service <service> -TaskSet <ARN> shows one; Remove-EcsTaskSet removes it.";

    private List<string> PendingLines()
    {
        lock (_pendingGate)
        {
            return _pending.Select(p => $"{p.Key} ({p.Last.StabilityStatus}, service {p.Service})").ToList();
        }
    }

    protected override void EndProcessing()
    {
        if (_pending.Count > 0)
        {
            WaitForPending();
        }
    }

    /// <summary>Writes the task set a change returned, or, with -Wait, keeps it to wait for.</summary>
    private protected void WriteOrWait(TaskSetState set, string cluster, string service)
    {
        var output = new EcsTaskSet(set);
        if (!Wait)
        {
            WriteObject(output);
            return;
        }

        var key = string.IsNullOrEmpty(set.TaskSetArn) ? output.Id : set.TaskSetArn;
        var pending = _pending.Find(p => p.Key == key);
        if (pending is null)
        {
            pending = new PendingTaskSet(key, string.IsNullOrEmpty(set.ClusterArn) ? cluster : set.ClusterArn,
                string.IsNullOrEmpty(set.ServiceArn) ? service : set.ServiceArn, _nextActivityId++) { Last = output };
            lock (_pendingGate)
            {
                _pending.Add(pending);
            }
        }
        else
        {
            // The same task set changed twice in one pipeline: wait for it once, in its latest state.
            pending.Last = output;
        }

        WriteProgress(Progress(pending, null));
    }

    private void WaitForPending()
    {
        var settings = _settings!;
        WriteVerbose($"Waiting for {_pending.Count} task set(s) to reach STEADY_STATE: first poll in {TaskSetErrors.Format(settings.PollInterval)}, "
            + $"then every {TaskSetErrors.Format(settings.PollInterval)} for the first {TaskSetErrors.Format(PollSchedule.SteadyPhase)}, backing off to "
            + $"at most every {TaskSetErrors.Format(PollSchedule.CeilingFor(settings.PollInterval))}, "
            + (settings.Timeout is { } limit ? $"for up to {TaskSetErrors.Format(limit)}." : "with no time limit."));
        using var queue = new PipelineQueue();
        var observer = new PollObserver
        {
            DeadlineCancelled = context => queue.Post(() =>
                WriteVerbose($"Poll {context.Attempt}: the wait's time ran out with DescribeTaskSets in flight; it was cancelled.")),
        };
        var result = RunWait(queue, ct => PollLoop.RunAsync(new PollLoopOptions(settings), (context, token) => PollAsync(queue, context, token), observer, WaitTime, ct));
        if (result.Outcome != PollOutcome.Settled)
        {
            foreach (var pending in _pending.ToList())
            {
                WriteProgress(Completed(pending));
                WriteError(result.Outcome == PollOutcome.PollsFailed
                    ? TaskSetErrors.PollsFailed(result.LastError!, pending.Last, result.FailedPolls)
                    : TaskSetErrors.WaitTimeout(pending.Last, settings.Timeout ?? result.Elapsed));
            }
        }

        lock (_pendingGate)
        {
            _pending.Clear();
        }
    }

    // One DescribeTaskSets per service for all of its task sets still waited on, each answer handed to the pipeline thread.
    private async Task<PollReport> PollAsync(PipelineQueue queue, PollContext context, CancellationToken token)
    {
        EcsServiceException? transient = null;
        foreach (var group in _pending.GroupBy(p => (p.Cluster, p.Service)).ToList())
        {
            var waiting = group.ToList();
            var query = new TaskSetQuery(group.Key.Cluster, group.Key.Service, waiting.Select(p => p.Key).ToList());
            TaskSetDescription? response = null;
            EcsServiceException? error = null;
            try
            {
                response = await Connection.DescribeTaskSetsAsync(query, token).ConfigureAwait(false);
            }
            catch (EcsServiceException e)
            {
                error = e;
            }

            transient = await queue.InvokeAsync(() => Absorb(context, waiting, response, error)).ConfigureAwait(false) ?? transient;
        }

        return new PollReport(_pending.Count == 0, transient);
    }

    /// <summary>On the pipeline thread: one service's DescribeTaskSets answer (or error); writes what settled; returns a transient error.</summary>
    private EcsServiceException? Absorb(PollContext context, List<PendingTaskSet> waiting, TaskSetDescription? response, EcsServiceException? error)
    {
        if (error is not null && PollReport.IsTransient(error))
        {
            WriteWarning($"DescribeTaskSets failed ({error.ErrorCode}: {error.Message}); the wait goes on and the next poll tries again.");
            return error;
        }

        if (error is not null || response is null)
        {
            foreach (var pending in waiting)
            {
                Finish(pending);
                WriteServiceError(error!, pending.Last);
            }

            return null;
        }

        foreach (var pending in waiting)
        {
            var found = response.TaskSets.FirstOrDefault(s => s.TaskSetArn == pending.Key || s.Id == pending.Key);
            if (found is null)
            {
                // A failure ECS reported for it ends the wait; a task set simply left out may only lag behind a change.
                var failure = response.Problems.FirstOrDefault(p =>
                    p.Arn is { } arn && (arn == pending.Key || arn.EndsWith("/" + pending.Last.Id, StringComparison.Ordinal)));
                if (failure is null && ++pending.Misses < MissesBeforeNotFound)
                {
                    continue;
                }

                Finish(pending);
                WriteError(TaskSetErrors.NotFound(pending.Key, pending.Cluster, pending.Service, "DescribeTaskSets",
                    failure is null ? "it is no longer returned: was it deleted?" : $"{failure.Reason} {failure.Detail}".Trim()));
                continue;
            }

            pending.Last = new EcsTaskSet(found);
            if (found.IsSteady)
            {
                Finish(pending);
                WriteObject(pending.Last);
            }
            else
            {
                WriteProgress(Progress(pending, context));
            }
        }

        return null;
    }

    private void Finish(PendingTaskSet pending)
    {
        WriteProgress(Completed(pending));
        lock (_pendingGate)
        {
            _pending.Remove(pending);
        }
    }

    private static ProgressRecord Progress(PendingTaskSet pending, PollContext? poll)
    {
        var set = pending.Last;
        var record = new ProgressRecord(pending.ActivityId, Activity(set), TaskSetErrors.Counts(set))
        {
            CurrentOperation = poll is { } p
                ? $"Poll {p.Attempt}: {TaskSetErrors.Format(p.Elapsed)} elapsed, " + (p.Remaining is { } left ? $"gives up in {TaskSetErrors.Format(left)}." : "no time limit.")
                : "Waiting for the first poll.",
        };
        if (set.ComputedDesiredCount is int desired and > 0 && set.RunningCount is int running)
        {
            record.PercentComplete = (int)Math.Clamp(running * 100L / desired, 0, 100); // long: counts from the endpoint cannot overflow it
        }

        return record;
    }

    private static ProgressRecord Completed(PendingTaskSet pending) =>
        new(pending.ActivityId, Activity(pending.Last), "Done.") { RecordType = ProgressRecordType.Completed };

    private static string Activity(EcsTaskSet set) =>
        $"Waiting for task set {set.Id} of service {set.ServiceName} to reach STEADY_STATE";

    private sealed class PendingTaskSet(string key, string cluster, string service, int activityId)
    {
        /// <summary>The task set ARN (its id when ECS returned no ARN).</summary>
        public string Key { get; } = key;

        public string Cluster { get; } = cluster;

        public string Service { get; } = service;

        public int ActivityId { get; } = activityId;

        public required EcsTaskSet Last { get; set; }

        public int Misses { get; set; }
    }
}
