using System;
using System.Collections.Generic;

namespace EcsTools.Engine.Tasks;

/// <summary>
/// Container instances that arrive one input at a time, gathered per task definition and cluster so that they are started
/// in as few StartTask calls as possible: a group is ready when the task definition or cluster changes, or when it holds
/// <see cref="TaskLaunchLimits.StartTaskGroupSize"/> instances.
/// </summary>
public sealed class StartTaskQueue
{
    private readonly List<string> _instances = [];
    private (string TaskDefinition, string? Cluster)? _key;

    /// <summary>Adds the instances (blank ones are skipped) and returns the groups now ready, in order.</summary>
    public IReadOnlyList<StartTaskGroup> Add(string taskDefinition, string? cluster, IEnumerable<string> containerInstances)
    {
        ArgumentNullException.ThrowIfNull(containerInstances);
        var ready = new List<StartTaskGroup>();
        var key = (taskDefinition, cluster);
        if (_key is not null && _key != key && Flush() is { } previous)
        {
            ready.Add(previous);
        }

        _key = key;
        foreach (var instance in containerInstances)
        {
            if (string.IsNullOrWhiteSpace(instance))
            {
                continue;
            }

            _instances.Add(instance);
            if (_instances.Count == TaskLaunchLimits.StartTaskGroupSize)
            {
                ready.Add(Flush()!);
                _key = key;
            }
        }

        return ready;
    }

    /// <summary>The instances gathered so far, as a group; null when there are none.</summary>
    public StartTaskGroup? Flush()
    {
        var group = _key is { } key && _instances.Count > 0 ? new StartTaskGroup(key.TaskDefinition, key.Cluster, _instances.ToArray()) : null;
        _instances.Clear();
        _key = null;
        return group;
    }
}

/// <summary>Container instances to start tasks of one task definition on, in one cluster.</summary>
public sealed record StartTaskGroup(string TaskDefinition, string? Cluster, IReadOnlyList<string> ContainerInstances);
