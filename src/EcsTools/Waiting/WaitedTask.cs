using EcsTools.Engine;
using EcsTools.Engine.Tasks;

namespace EcsTools.Waiting;

/// <summary>One task a wait follows: how to ask ECS about it, and what ECS said last.</summary>
internal sealed class WaitedTask
{
    public WaitedTask(string? cluster, string reference, EcsTask? known)
    {
        Cluster = cluster;
        Reference = reference;
        Last = known;
    }

    /// <summary>The cluster as sent to ECS (null: the default cluster).</summary>
    public string? Cluster { get; }

    /// <summary>What DescribeTasks is asked for: the id or ARN given, then the ARN ECS returned.</summary>
    public string Reference { get; set; }

    public string Id => TaskIds.IdOf(Reference);

    /// <summary>The task as last described (or as given), null until then.</summary>
    public EcsTask? Last { get; set; }

    /// <summary>Reached the target state, failed, or dropped: no longer polled.</summary>
    public bool Done { get; set; }

    /// <summary>The last known lifecycle state, or "UNKNOWN" before the first answer.</summary>
    public string State => string.IsNullOrEmpty(Last?.LastStatus) ? TaskWaitSet.UnknownState : Last!.LastStatus!;

    public override string ToString() => $"{Id} ({State})";
}
