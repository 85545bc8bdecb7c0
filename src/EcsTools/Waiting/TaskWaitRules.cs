using System;
using System.Collections.Generic;
using System.Linq;

namespace EcsTools.Waiting;

/// <summary>
/// The rules of a task wait, as the ECS TasksRunning waiter has them and then some: waiting for RUNNING, a task that is
/// stopping or stopped has failed; waiting for STOPPED, a task that failed to start or whose essential container exited
/// non-zero has failed (see <see cref="FailedExits"/>).
/// </summary>
internal static class TaskWaitRules
{
    public const string TaskFailedToStart = "TaskFailedToStart";

    private static readonly HashSet<string> s_stopping = new(StringComparer.Ordinal)
    {
        "DEACTIVATING", "STOPPING", "DEPROVISIONING", "STOPPED", "DELETED",
    };

    public static bool IsStopped(EcsTask task) => task.LastStatus is "STOPPED" or "DELETED";

    public static bool IsStopping(EcsTask task) => task.LastStatus is { } status && s_stopping.Contains(status);

    public const string UserInitiated = "UserInitiated";

    /// <summary>
    /// The containers whose exit code says they failed (essential or not): any code but 0, except that a task someone
    /// stopped (stop code UserInitiated, e.g. Stop-EcsTask) may exit 143 or 137, killed by the SIGTERM or SIGKILL of the stop.
    /// </summary>
    public static IReadOnlyList<EcsContainer> FailedExits(EcsTask task) =>
        task.Containers.Where(c => c.ExitCode is { } code && code != 0 && !(task.StopCode == UserInitiated && code is 137 or 143)).ToArray();

    /// <param name="task">The task as described.</param>
    /// <param name="untilStopped">Waiting for STOPPED (else RUNNING).</param>
    /// <param name="isEssential">Whether a container of the task is essential (asked only for containers that exited non-zero).</param>
    public static TaskOutcome Evaluate(EcsTask task, bool untilStopped, Func<EcsTask, EcsContainer, bool> isEssential)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(isEssential);
        if (!untilStopped)
        {
            if (task.LastStatus == "RUNNING")
            {
                return TaskOutcome.Reached;
            }

            if (!IsStopping(task))
            {
                return TaskOutcome.Pending;
            }

            return task.StopCode == TaskFailedToStart ? TaskOutcome.FailedToStart : TaskOutcome.StoppedBeforeRunning;
        }

        if (!IsStopped(task))
        {
            return TaskOutcome.Pending;
        }

        if (task.StopCode == TaskFailedToStart)
        {
            return TaskOutcome.FailedToStart;
        }

        return FailedExits(task).Any(c => isEssential(task, c)) ? TaskOutcome.EssentialContainerFailed : TaskOutcome.Reached;
    }
}
