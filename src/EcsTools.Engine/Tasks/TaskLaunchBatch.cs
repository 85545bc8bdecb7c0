using System.Collections.Generic;

namespace EcsTools.Engine.Tasks;

/// <summary>What one RunTask or StartTask call of a <see cref="TaskLaunch"/> answered: its tasks and failures, or the error of the call.</summary>
public sealed class TaskLaunchBatch
{
    internal TaskLaunchBatch(TaskLaunch launch, int call, int asked, IReadOnlyList<TaskInfo> tasks, IReadOnlyList<TaskFailure> failures, EcsServiceException? error)
    {
        Launch = launch;
        Call = call;
        Asked = asked;
        Tasks = tasks;
        Failures = failures;
        Error = error;
    }

    public TaskLaunch Launch { get; }

    /// <summary>Which call this was (1-based) of <see cref="TaskLaunch.Calls"/>.</summary>
    public int Call { get; }

    /// <summary>How many tasks the call asked for (RunTask's count, or StartTask's container instances).</summary>
    public int Asked { get; }

    public IReadOnlyList<TaskInfo> Tasks { get; }

    /// <summary>ECS failures (one for each task it could not start), and OUTCOME_UNKNOWN ones the engine adds after an ambiguous StartTask.</summary>
    public IReadOnlyList<TaskFailure> Failures { get; }

    /// <summary>The call failed as a whole; nothing after it was sent.</summary>
    public EcsServiceException? Error { get; }

    /// <summary>How many tasks asked for came back neither as a task nor as a failure (0 when the call failed).</summary>
    public int Unaccounted => Error is not null ? 0 : System.Math.Max(0, Asked - Tasks.Count - Failures.Count);
}
