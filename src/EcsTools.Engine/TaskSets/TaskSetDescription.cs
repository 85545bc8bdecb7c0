using System.Collections.Generic;

namespace EcsTools.Engine.TaskSets;

/// <summary>What DescribeTaskSets said: the task sets found, then the problems, in the order of the task sets asked for.</summary>
public sealed record TaskSetDescription(IReadOnlyList<TaskSetState> TaskSets, IReadOnlyList<TaskSetProblem> Problems);
