using System;
using System.Collections.Generic;
using System.Linq;
using EcsTools.Engine;
using EcsTools.Engine.Tasks;
using EcsTools.Input;

namespace EcsTools.Waiting;

/// <summary>The tasks one wait follows, deduplicated by cluster and task id, grouped by cluster for DescribeTasks.</summary>
internal sealed class TaskWaitSet
{
    public const string UnknownState = "UNKNOWN";

    /// <summary>The ECS task lifecycle, in order; progress lists states in this order, others after them.</summary>
    private static readonly string[] s_lifecycle =
        ["PROVISIONING", "PENDING", "ACTIVATING", "RUNNING", "DEACTIVATING", "STOPPING", "DEPROVISIONING", "STOPPED", "DELETED"];

    private readonly List<WaitedTask> _tasks = [];
    private readonly HashSet<(string Cluster, string Id)> _keys = [];

    // Tasks are added on the pipeline thread; StopProcessing reads a snapshot from another thread.
    private readonly object _gate = new();

    public int Count => _tasks.Count;

    public int PendingCount => _tasks.Count(t => !t.Done);

    public IEnumerable<WaitedTask> Pending => _tasks.Where(t => !t.Done);

    /// <summary>Adds a task (id or ARN; the cluster defaults to the one in a long ARN); false when it is already there.</summary>
    public bool Add(string? cluster, string task, EcsTask? known = null)
    {
        var resolved = TaskTargets.ClusterFor(cluster, task);
        lock (_gate)
        {
            if (!_keys.Add((TaskTargets.ClusterKey(resolved), TaskIds.IdOf(task))))
            {
                return false;
            }

            _tasks.Add(new WaitedTask(resolved, task, known));
            return true;
        }
    }

    /// <summary>The tasks not yet written or reported, safe to call from any thread (for Ctrl+C).</summary>
    public IReadOnlyList<WaitedTask> PendingSnapshot()
    {
        lock (_gate)
        {
            return _tasks.Where(t => !t.Done).ToList();
        }
    }

    /// <summary>The tasks still waited for, by cluster (the cluster value of the first task of each group is sent).</summary>
    public IReadOnlyList<(string? Cluster, IReadOnlyList<WaitedTask> Tasks)> PendingByCluster() =>
        Pending.GroupBy(t => TaskTargets.ClusterKey(t.Cluster), StringComparer.Ordinal)
            .Select(g => (g.First().Cluster, (IReadOnlyList<WaitedTask>)g.ToList()))
            .ToList();

    /// <summary>How many tasks still waited for are in each state, in lifecycle order: "PENDING 3, RUNNING 2".</summary>
    public string DescribeStates()
    {
        var counts = Pending.GroupBy(t => t.State, StringComparer.Ordinal)
            .Select(g => (State: g.Key, Count: g.Count()))
            .OrderBy(c => Rank(c.State))
            .ThenBy(c => c.State, StringComparer.Ordinal);
        return string.Join(", ", counts.Select(c => $"{c.State} {c.Count}"));
    }

    private static int Rank(string state)
    {
        if (state == UnknownState)
        {
            return -1;
        }

        var index = Array.IndexOf(s_lifecycle, state);
        return index >= 0 ? index : s_lifecycle.Length;
    }
}
