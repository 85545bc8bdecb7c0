namespace EcsTools.Engine.Waiting;

/// <summary>How a wait ended.</summary>
public enum PollOutcome
{
    /// <summary>The last poll found everything settled.</summary>
    Settled,

    /// <summary>The deadline passed first (a request in flight at the deadline was cancelled).</summary>
    TimedOut,

    /// <summary>Too many polls in a row met a transient error (<see cref="PollLoopOptions.MaxFailedPolls"/>).</summary>
    PollsFailed,
}
