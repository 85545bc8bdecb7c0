using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace EcsTools.LocalEcs.State;

/// <summary>
/// A group of tasks the service scheduler keeps at a target count (a task set, or the deployment of an ECS-controller
/// service). It converges lazily: <see cref="Operations.FleetScheduler"/> replays the scheduler's ticks, one per step,
/// up to the time of each request, launching or stopping one task per tick.
/// </summary>
internal sealed class Fleet
{
    public required ClusterState Cluster { get; init; }

    public required ServiceState Service { get; init; }

    public required TaskDefinitionState TaskDefinition { get; set; }

    public string? LaunchType { get; init; }

    public IReadOnlyList<StrategyItem>? Strategy { get; init; }

    public string? PlatformVersion { get; init; }

    public JsonObject? NetworkConfiguration { get; init; }

    /// <summary>The startedBy of the fleet's tasks: the task set or deployment id.</summary>
    public required string StartedBy { get; init; }

    public required TimeSpan Step { get; init; }

    /// <summary>The number of tasks the fleet should run (computedDesiredCount, or the service's desiredCount).</summary>
    public required Func<int> Target { get; init; }

    public List<TaskState> Tasks { get; } = [];

    /// <summary>The last scheduler tick replayed.</summary>
    public DateTimeOffset LastTick { get; set; }

    /// <summary>When the fleet last left a steady state (created, rescaled, or a task stopped on its own).</summary>
    public DateTimeOffset DisturbedAt { get; set; }

    /// <summary>True once the fleet is being removed: its tasks are stopped and no new ones launched.</summary>
    public bool Draining { get; set; }

    public int RunningCount(DateTimeOffset now) =>
        Tasks.Count(t => t.IsVisible(now) && t.LastStatus(now) == TaskStatuses.Running && t.DesiredStatus(now) == TaskStatuses.Running);

    public int PendingCount(DateTimeOffset now) =>
        Tasks.Count(t => t.IsVisible(now) && TaskStatuses.IsBeforeRunning(t.LastStatus(now)) && t.DesiredStatus(now) == TaskStatuses.Running);

    /// <summary>Tasks that are neither stopped nor on their way there (the scheduler's view of "running").</summary>
    public List<TaskState> ActiveAt(DateTimeOffset at) =>
        Tasks.Where(t => t.CreatedAt <= at && t.IsVisible(at) && t.DesiredStatus(at) == TaskStatuses.Running).ToList();

    /// <summary>STEADY_STATE when runningCount equals the target, nothing is pending and nothing is still stopping.</summary>
    public bool IsSteady(DateTimeOffset now) =>
        RunningCount(now) == Target() && PendingCount(now) == 0
        && !Tasks.Any(t => t.IsVisible(now) && t.DesiredStatus(now) == TaskStatuses.Stopped && t.LastStatus(now) != TaskStatuses.Stopped);

    /// <summary>When the current stability status began.</summary>
    public DateTimeOffset StabilityStatusAt(DateTimeOffset now)
    {
        if (!IsSteady(now))
        {
            return DisturbedAt;
        }

        DateTimeOffset at = DisturbedAt;
        foreach (TaskState task in Tasks.Where(t => t.IsVisible(now)))
        {
            DateTimeOffset? settled = task.DesiredStatus(now) == TaskStatuses.Running ? task.Timeline.RunningAt : task.Timeline.StoppedAt;
            if (settled is { } s && s <= now && s > at)
            {
                at = s;
            }
        }

        return at;
    }
}
