using System.Collections.Generic;

namespace EcsTools.Engine.TaskSets;

/// <summary>The task sets of one service to describe (DescribeTaskSets, with their tags): those named, or all of them when <see cref="TaskSets"/> is null.</summary>
public sealed record TaskSetQuery(string Cluster, string Service, IReadOnlyList<string>? TaskSets = null);
