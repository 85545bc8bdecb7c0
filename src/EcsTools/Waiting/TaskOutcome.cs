namespace EcsTools.Waiting;

/// <summary>Where a described task stands in a wait.</summary>
internal enum TaskOutcome
{
    /// <summary>Not there yet.</summary>
    Pending,

    /// <summary>In the target state (for STOPPED: and no essential container exited non-zero).</summary>
    Reached,

    /// <summary>Waiting for RUNNING: the task is stopping or stopped.</summary>
    StoppedBeforeRunning,

    /// <summary>Stopped with stop code TaskFailedToStart.</summary>
    FailedToStart,

    /// <summary>Stopped, and an essential container exited with a non-zero code.</summary>
    EssentialContainerFailed,
}
