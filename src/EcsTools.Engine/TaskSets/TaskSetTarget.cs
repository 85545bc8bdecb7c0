namespace EcsTools.Engine.TaskSets;

/// <summary>One task set: its cluster and service (names or ARNs), and its id or ARN.</summary>
public sealed record TaskSetTarget(string Cluster, string Service, string TaskSet);
