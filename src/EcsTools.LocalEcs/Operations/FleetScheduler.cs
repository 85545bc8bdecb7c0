using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Operations;

/// <summary>
/// The service scheduler, replayed lazily. Before every operation it walks each fleet's ticks (one per step) up to
/// the current time: below the target it launches one task per tick, above it stops the newest one. When nothing can
/// change until some task stops by itself it jumps ahead, so an idle server does no work per tick.
/// It also forgets tasks that are gone (scripted MISSING, or stopped for longer than the retention).
/// </summary>
internal static class FleetScheduler
{
    public static void Advance(EcsEngine engine, RegionState region, DateTimeOffset now)
    {
        foreach (ClusterState cluster in region.Clusters.Values)
        {
            foreach (ServiceState service in cluster.Services.Values)
            {
                if (service.Deployment is { } deployment)
                {
                    AdvanceFleet(engine, region, deployment.Fleet, now);
                }

                foreach (TaskSetState set in service.TaskSets.Values)
                {
                    AdvanceFleet(engine, region, set.Fleet, now);
                }
            }

            Purge(cluster, now);
        }
    }

    /// <summary>Stops every active task of a fleet at <paramref name="at"/> (a task set being deleted, a service being deleted).</summary>
    public static void StopAll(Fleet fleet, DateTimeOffset at, string reason)
    {
        fleet.Draining = true;
        foreach (TaskState task in fleet.ActiveAt(at))
        {
            task.Timeline.RequestStop(at, TaskStatuses.ServiceSchedulerInitiated, reason);
        }
    }

    private static void AdvanceFleet(EcsEngine engine, RegionState region, Fleet fleet, DateTimeOffset now)
    {
        while (fleet.LastTick + fleet.Step <= now)
        {
            DateTimeOffset tick = fleet.LastTick + fleet.Step;
            List<TaskState> active = fleet.ActiveAt(tick);
            int target = fleet.Draining ? 0 : fleet.Target();
            bool changed = false;
            if (active.Count < target)
            {
                if (fleet.Tasks.Any(t => t.Timeline.Stop is { } stop && stop.At > fleet.LastTick && stop.At <= tick
                    && stop.StopCode != TaskStatuses.ServiceSchedulerInitiated))
                {
                    fleet.DisturbedAt = tick;
                }

                changed = Launch(engine, region, fleet, tick);
            }
            else if (active.Count > target)
            {
                TaskState newest = active.OrderByDescending(t => t.CreatedAt).First();
                changed = newest.Timeline.RequestStop(
                    tick, TaskStatuses.ServiceSchedulerInitiated, $"Scaling activity initiated by (deployment {fleet.StartedBy})");
            }

            if (changed)
            {
                fleet.LastTick = tick;
                continue;
            }

            // Nothing changes until a task of the cluster stops or goes away: jump to the last tick before that.
            long step = fleet.Step.Ticks;
            if (NextEvent(fleet.Cluster, tick) is { } next && next <= now)
            {
                long k = ((next - fleet.LastTick).Ticks + step - 1) / step;
                fleet.LastTick += TimeSpan.FromTicks(step * (k - 1));
            }
            else
            {
                fleet.LastTick += TimeSpan.FromTicks(step * ((now - fleet.LastTick).Ticks / step));
            }
        }
    }

    private static bool Launch(EcsEngine engine, RegionState region, Fleet fleet, DateTimeOffset tick)
    {
        var context = new OperationContext(engine, region, "ServiceScheduler", [], tick);
        LaunchChoice choice = fleet.LaunchType is not null || fleet.Strategy is not null
            ? new LaunchChoice(fleet.LaunchType, fleet.Strategy, fleet.Strategy is not null)
            : LaunchPlanner.Resolve(fleet.Cluster, null, null);
        int placed = fleet.Tasks.Count(t => t.IsVisible(tick) && t.DesiredStatus(tick) == TaskStatuses.Running);
        List<LaunchSlot> slots = LaunchPlanner.Assign(choice, 1, placed);
        var request = new TaskLaunchRequest
        {
            Cluster = fleet.Cluster,
            TaskDefinition = fleet.TaskDefinition,
            NetworkConfiguration = fleet.NetworkConfiguration,
            Group = "service:" + fleet.Service.Name,
            StartedBy = fleet.StartedBy,
            Tags = fleet.Service.PropagateTags == "SERVICE" ? fleet.Service.Tags : [],
            PlatformVersion = fleet.PlatformVersion,
            ServiceName = fleet.Service.Name,
            PlacementStrategy = fleet.Service.PlacementStrategy,
        };
        var failures = new List<Failure>();
        List<TaskState> launched = TaskFactory.Launch(context, request, slots, tick, failures);
        fleet.Tasks.AddRange(launched);
        return launched.Count > 0;
    }

    private static DateTimeOffset? NextEvent(ClusterState cluster, DateTimeOffset after)
    {
        DateTimeOffset? next = null;
        foreach (TaskState task in cluster.Tasks.Values)
        {
            DateTimeOffset?[] events =
            [
                task.Timeline.Stop?.At,
                task.Timeline.StoppedAt,
                task.Timeline.Script.MissingAfter is { } missing ? task.CreatedAt + missing : null,
            ];
            foreach (DateTimeOffset? at in events)
            {
                if (at is { } e && e > after && (next is null || e < next))
                {
                    next = e;
                }
            }
        }

        return next;
    }

    private static void Purge(ClusterState cluster, DateTimeOffset now)
    {
        List<string> gone = cluster.Tasks.Where(t => !t.Value.IsVisible(now)).Select(t => t.Key).ToList();
        foreach (string id in gone)
        {
            cluster.Tasks.Remove(id);
        }

        if (gone.Count > 0)
        {
            foreach (ServiceState service in cluster.Services.Values)
            {
                service.Deployment?.Fleet.Tasks.RemoveAll(t => !t.IsVisible(now));
                foreach (TaskSetState set in service.TaskSets.Values)
                {
                    set.Fleet.Tasks.RemoveAll(t => !t.IsVisible(now));
                }
            }
        }
    }
}
