using System;
using System.Collections.Generic;

namespace EcsTools.LocalEcs.State;

/// <summary>Everything of one account in one region.</summary>
internal sealed class RegionState
{
    public required string Name { get; init; }

    public required string AccountId { get; init; }

    public string Partition => Name.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : Name.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws";

    public OrderedDictionary<string, ClusterState> Clusters { get; } = new(StringComparer.Ordinal);

    /// <summary>Task definition revisions per family, revision 1 first.</summary>
    public OrderedDictionary<string, List<TaskDefinitionState>> TaskDefinitions { get; } = new(StringComparer.Ordinal);

    /// <summary>Capacity providers created with clusters (FARGATE and FARGATE_SPOT are built in and not listed here).</summary>
    public OrderedDictionary<string, CapacityProviderState> CapacityProviders { get; } = new(StringComparer.Ordinal);

    /// <summary>RunTask client tokens: the request they were first used with and the tasks it started.</summary>
    public Dictionary<string, RunTaskToken> RunTaskTokens { get; } = new(StringComparer.Ordinal);

    public static bool IsFargateProvider(string name) => name is "FARGATE" or "FARGATE_SPOT";
}

/// <summary>What a RunTask client token is tied to: a fingerprint of the request, the tasks it started and its failures.</summary>
internal sealed record RunTaskToken(string Fingerprint, IReadOnlyList<TaskState> Tasks, IReadOnlyList<Failure> Failures);

/// <summary>A capacity provider created through CreateCluster (an Auto Scaling group provider without the group).</summary>
internal sealed record CapacityProviderState(string Name, string Arn, DateTimeOffset CreatedAt);
