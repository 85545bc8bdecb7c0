namespace EcsTools.Engine.TaskSets;

/// <summary>
/// What went wrong with a task set asked for: not found (<see cref="IsNotFound"/>: a MISSING failure, or, as moto does,
/// simply left out), or another ECS failure. <see cref="TaskSet"/> is the value asked for, null for a failure that
/// names none of them.
/// </summary>
public sealed record TaskSetProblem(string? TaskSet, bool IsNotFound, string? Arn, string? Reason, string? Detail);
