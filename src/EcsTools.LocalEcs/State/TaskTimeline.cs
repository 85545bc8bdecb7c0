using System;
using System.Collections.Generic;
using System.Linq;

namespace EcsTools.LocalEcs.State;

/// <summary>
/// A task's lifecycle as a pure function of time: the transitions follow from its creation time, its step length, its
/// script and at most one stop decision (an essential container exiting, a start failure, StopTask or the scheduler).
/// Nothing runs in the background: every read computes the state at the time it is made.
/// </summary>
/// <remarks>
/// One step apart: PROVISIONING, PENDING (image pull starts), ACTIVATING (pull done), RUNNING. A stop decision taken
/// while RUNNING is followed by DEACTIVATING, STOPPING (containers stopped), DEPROVISIONING and STOPPED, one step each;
/// one taken before RUNNING by DEPROVISIONING and STOPPED. A start failure goes from PENDING straight to STOPPED.
/// </remarks>
internal sealed class TaskTimeline
{
    private readonly DateTimeOffset _createdAt;
    private readonly TimeSpan _step;
    private readonly TaskScript _script;
    private StopDecision? _requestedStop;
    private Plan? _plan;

    public TaskTimeline(DateTimeOffset createdAt, TimeSpan step, TaskScript script)
    {
        _createdAt = createdAt;
        _step = step;
        _script = script;
    }

    public DateTimeOffset CreatedAt => _createdAt;

    public TimeSpan Step => _step;

    public TaskScript Script => _script;

    /// <summary>Every transition of the task, oldest first (the last one is STOPPED if the task ever stops).</summary>
    public IReadOnlyList<(string Status, DateTimeOffset At)> Transitions => Current.Transitions;

    /// <summary>The decision that ends the task, if any: the earlier of the scripted end and a requested stop.</summary>
    public StopDecision? Stop => Current.Stop;

    /// <summary>When the task reaches RUNNING; null when it never does.</summary>
    public DateTimeOffset? RunningAt => Current.RunningAt;

    /// <summary>When ECS stops the containers that are still running; null if that never happens.</summary>
    public DateTimeOffset? ContainersStoppedAt => Current.ContainersStoppedAt;

    /// <summary>When the task reaches STOPPED; null if it never does.</summary>
    public DateTimeOffset? StoppedAt => Transitions[^1].Status == TaskStatuses.Stopped ? Transitions[^1].At : null;

    /// <summary>When the task reaches PENDING: the agent has it (connectivityAt) and the image pull starts.</summary>
    public DateTimeOffset PullStartedAt => _createdAt + _step;

    /// <summary>The state at <paramref name="now"/> (PROVISIONING before creation, which never happens in practice).</summary>
    public string StatusAt(DateTimeOffset now)
    {
        string status = TaskStatuses.Provisioning;
        foreach ((string s, DateTimeOffset at) in Transitions)
        {
            if (at > now)
            {
                break;
            }

            status = s;
        }

        return status;
    }

    /// <summary>Increments with every state change: each transition, and the desired status turning STOPPED.</summary>
    public long VersionAt(DateTimeOffset now) =>
        Transitions.Count(t => t.At <= now) + (Stop is { } stop && stop.At <= now ? 1 : 0);

    /// <summary>Requests a stop at <paramref name="at"/>; false when the task was already being stopped by then.</summary>
    public bool RequestStop(DateTimeOffset at, string stopCode, string reason)
    {
        if (Stop is { } existing && existing.At <= at)
        {
            return false;
        }

        _requestedStop = new StopDecision(at, stopCode, reason);
        _plan = null;
        return true;
    }

    /// <summary>When a container scripted with a runFor exits by itself; null if it does not (or the task never ran).</summary>
    public DateTimeOffset? ContainerExitAt(ContainerScript container) =>
        RunningAt is { } running && container.RunFor is { } runFor && running + runFor <= (ContainersStoppedAt ?? DateTimeOffset.MaxValue)
            ? running + runFor
            : null;

    private Plan Current => _plan ??= Compute();

    private Plan Compute()
    {
        StopDecision? natural = NaturalStop();
        StopDecision? stop = _requestedStop is { } requested && (natural is null || requested.At < natural.At) ? _requestedStop : natural;
        DateTimeOffset end = stop?.At ?? DateTimeOffset.MaxValue;
        bool starts = _script.FailToStart is null && !_script.NeverStabilize;
        var transitions = new List<(string Status, DateTimeOffset At)>();
        string[] startup = starts
            ? [TaskStatuses.Provisioning, TaskStatuses.Pending, TaskStatuses.Activating, TaskStatuses.Running]
            : [TaskStatuses.Provisioning, TaskStatuses.Pending];
        for (int i = 0; i < startup.Length && _createdAt + (i * _step) <= end; i++)
        {
            transitions.Add((startup[i], _createdAt + (i * _step)));
        }

        DateTimeOffset? runningAt = transitions[^1].Status == TaskStatuses.Running ? transitions[^1].At : null;
        DateTimeOffset? containersStoppedAt = null;
        if (stop is { } decided)
        {
            if (decided.StopCode == TaskStatuses.TaskFailedToStart && ReferenceEquals(decided, natural))
            {
                containersStoppedAt = decided.At;
                transitions.Add((TaskStatuses.Stopped, decided.At));
            }
            else if (runningAt is not null)
            {
                containersStoppedAt = decided.At + (2 * _step);
                transitions.Add((TaskStatuses.Deactivating, decided.At + _step));
                transitions.Add((TaskStatuses.Stopping, decided.At + (2 * _step)));
                transitions.Add((TaskStatuses.Deprovisioning, decided.At + (3 * _step)));
                transitions.Add((TaskStatuses.Stopped, decided.At + (4 * _step)));
            }
            else
            {
                containersStoppedAt = decided.At + _step;
                transitions.Add((TaskStatuses.Deprovisioning, decided.At + _step));
                transitions.Add((TaskStatuses.Stopped, decided.At + (2 * _step)));
            }
        }

        return new Plan(transitions, stop, runningAt, containersStoppedAt);
    }

    private StopDecision? NaturalStop()
    {
        if (_script.FailToStart is { } reason)
        {
            return new StopDecision(_createdAt + (2 * _step), TaskStatuses.TaskFailedToStart, reason);
        }

        if (_script.NeverStabilize)
        {
            return null;
        }

        DateTimeOffset running = _createdAt + (3 * _step);
        TimeSpan? first = _script.Containers.Values.Where(c => c.Essential && c.RunFor is not null).Min(c => c.RunFor);
        return first is { } runFor
            ? new StopDecision(running + runFor, TaskStatuses.EssentialContainerExited, "Essential container in task exited")
            : null;
    }

    private sealed record Plan(
        IReadOnlyList<(string Status, DateTimeOffset At)> Transitions,
        StopDecision? Stop,
        DateTimeOffset? RunningAt,
        DateTimeOffset? ContainersStoppedAt);
}

/// <summary>The decision that ends a task: when it was taken, the stopCode and the stoppedReason.</summary>
internal sealed record StopDecision(DateTimeOffset At, string StopCode, string Reason);
