using System;

namespace EcsTools.Engine.Waiting;

/// <summary>
/// A wait's -Timeout and -PollInterval, checked in one place for every cmdlet that waits (task waits and task-set waits).
/// </summary>
/// <param name="Timeout">Give up after this long; null: no limit.</param>
/// <param name="PollInterval">The interval between polls for the first 30 seconds (see <see cref="PollSchedule"/>).</param>
public sealed record WaitSettings(TimeSpan? Timeout, TimeSpan PollInterval)
{
    /// <summary>
    /// Checks and resolves what the user gave: <paramref name="timeout"/> null takes <paramref name="defaultTimeout"/>
    /// (null: no limit), -1 seconds (or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>) means no limit, anything
    /// else must be positive; <paramref name="pollInterval"/> null takes <see cref="PollSchedule.DefaultInterval"/> and must
    /// be from <see cref="PollSchedule.MinimumInterval"/> to <see cref="PollSchedule.MaximumInterval"/>.
    /// </summary>
    /// <exception cref="WaitSettingsException">A value out of range; nothing has been sent.</exception>
    public static WaitSettings Create(TimeSpan? timeout, TimeSpan? pollInterval, TimeSpan? defaultTimeout)
    {
        if (timeout is { } t && !IsNoLimit(t) && t <= TimeSpan.Zero)
        {
            throw new WaitSettingsException(ErrorIds.InvalidTimeout, InputMessages.InvalidTimeout(t), t,
                InputMessages.InvalidTimeoutAction);
        }

        var interval = pollInterval ?? PollSchedule.DefaultInterval;
        if (interval < PollSchedule.MinimumInterval || interval > PollSchedule.MaximumInterval)
        {
            throw new WaitSettingsException(ErrorIds.InvalidPollInterval,
                InputMessages.InvalidPollInterval(interval),
                interval, InputMessages.InvalidPollIntervalAction);
        }

        TimeSpan? limit = timeout switch
        {
            null => defaultTimeout,
            { } value when IsNoLimit(value) => null,
            { } value => value,
        };
        return new WaitSettings(limit, interval);
    }

    /// <summary>-Timeout -1 (seconds) means no limit.</summary>
    public static bool IsNoLimit(TimeSpan timeout) => timeout == TimeSpan.FromSeconds(-1) || timeout == System.Threading.Timeout.InfiniteTimeSpan;
}
