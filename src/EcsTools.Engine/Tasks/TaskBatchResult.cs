using System.Collections.Generic;

namespace EcsTools.Engine.Tasks;

/// <summary>What DescribeTasks said about a list of tasks, however many requests it took.</summary>
public sealed class TaskBatchResult
{
    internal TaskBatchResult(List<TaskInfo> tasks, List<TaskFailure> failures, List<TaskBatchError> errors, int requests)
    {
        Tasks = tasks;
        Failures = failures;
        Errors = errors;
        Requests = requests;
    }

    internal static TaskBatchResult Empty { get; } = new([], [], [], 0);

    /// <summary>The tasks ECS returned.</summary>
    public IReadOnlyList<TaskInfo> Tasks { get; }

    /// <summary>
    /// ECS failures, plus a MISSING failure (detail "not returned by DescribeTasks") for every task asked for that came back
    /// neither as a task nor as a failure, as some ECS emulators do.
    /// </summary>
    public IReadOnlyList<TaskFailure> Failures { get; }

    /// <summary>The requests that failed, with the tasks each one asked for.</summary>
    public IReadOnlyList<TaskBatchError> Errors { get; }

    /// <summary>How many DescribeTasks requests were sent.</summary>
    public int Requests { get; }
}
