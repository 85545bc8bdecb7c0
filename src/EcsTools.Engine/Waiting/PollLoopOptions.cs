using System;

namespace EcsTools.Engine.Waiting;

/// <summary>How one wait polls: its settings and the loop's rules.</summary>
/// <param name="Settings">-Timeout and -PollInterval, checked (<see cref="WaitSettings.Create"/>).</param>
public sealed record PollLoopOptions(WaitSettings Settings)
{
    /// <summary>
    /// The transient-error budget of every wait: after this many polls in a row meet a transient error (throttling, a
    /// server or network error, a timeout) the wait stops with <see cref="PollOutcome.PollsFailed"/>.
    /// </summary>
    public const int DefaultMaxFailedPolls = 5;

    /// <summary>How long past the deadline a request in flight may still finish (the last poll happens on the deadline).</summary>
    public static readonly TimeSpan DefaultDeadlineGrace = TimeSpan.FromMilliseconds(250);

    /// <summary>Poll at once; otherwise the first poll comes after the first interval (the state a change just returned is fresh).</summary>
    public bool PollFirst { get; init; }

    /// <inheritdoc cref="DefaultMaxFailedPolls"/>
    public int MaxFailedPolls { get; init; } = DefaultMaxFailedPolls;

    /// <summary>While sleeping between polls, call <see cref="PollObserver.Waiting"/> at least this often (null: once per sleep).</summary>
    public TimeSpan? WaitingTick { get; init; }

    /// <inheritdoc cref="DefaultDeadlineGrace"/>
    public TimeSpan DeadlineGrace { get; init; } = DefaultDeadlineGrace;

    /// <summary>The jitter's source; null: <see cref="Random.Shared"/>.</summary>
    public Random? Random { get; init; }
}
