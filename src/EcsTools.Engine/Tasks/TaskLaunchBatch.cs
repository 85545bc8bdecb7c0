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

    /// <summary>
    /// ECS failures, and OUTCOME_UNKNOWN ones the engine adds after an ambiguous StartTask. StartTask answers for each
    /// container instance; RunTask's failures say why placement fell short (RESOURCE:MEMORY once for each container
    /// instance without room, not once for each task not started).
    /// </summary>
    public IReadOnlyList<TaskFailure> Failures { get; }

    /// <summary>The call failed as a whole; nothing after it was sent.</summary>
    public EcsServiceException? Error { get; }

    /// <summary>
    /// How many tasks asked for came back neither as a task nor explained by a failure (0 when the call failed). Each
    /// container instance of a StartTask needs a task or a failure of its own; a RunTask's failures explain its shortfall
    /// as a whole, so only a RunTask answer with fewer tasks and no failure at all leaves tasks unaccounted for.
    /// </summary>
    public int Unaccounted =>
        Error is not null || (Launch.Operation == TaskLaunch.RunTask && Failures.Count > 0) ? 0 : System.Math.Max(0, Asked - Tasks.Count - Failures.Count);
}
