using System;

namespace EcsTools.Internal;

/// <summary>
/// The waiting loop of every -Wait: poll, and if not everything has settled, sleep for the schedule's next interval and
/// poll again, until it has or the deadline passes. It runs on the pipeline thread: <c>poll</c> writes progress and
/// settled objects itself, and <c>sleep</c> is the cmdlet's cancellable delay (<c>d =&gt; Await(ct =&gt; Task.Delay(d, ct))</c>),
/// so Ctrl+C ends a wait at once.
/// </summary>
internal static class PollLoop
{
    /// <summary>
    /// Returns true when <paramref name="poll"/> reported that everything settled, false when the schedule's deadline
    /// passed first (the last poll happens on the deadline).
    /// </summary>
    /// <param name="schedule">The intervals and the deadline.</param>
    /// <param name="poll">Polls once (its argument is the 1-based poll number) and returns whether everything has settled.</param>
    /// <param name="sleep">Waits for the given time; throws when the pipeline is stopped.</param>
    /// <param name="pollFirst">Poll at once; otherwise the first poll comes after the first interval (the state just returned by a change is stale).</param>
    public static bool Run(PollSchedule schedule, Func<int, bool> poll, Action<TimeSpan> sleep, bool pollFirst = false)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(poll);
        ArgumentNullException.ThrowIfNull(sleep);
        var attempt = 0;
        if (pollFirst && poll(++attempt))
        {
            return true;
        }

        while (schedule.TryGetNextDelay(out var delay))
        {
            sleep(delay);
            if (poll(++attempt))
            {
                return true;
            }
        }

        return false;
    }
}
